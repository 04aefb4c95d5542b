namespace Assistance.Application.Enrolments.GetEnrolment;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetEnrolmentHandler(IEnrolmentRepository enrolments, ICurrentUser user) : IQueryHandler<GetEnrolmentQuery, EnrolmentDto>
{
    public async Task<EnrolmentDto> Handle(GetEnrolmentQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await enrolments.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false);
        if (found is not { } f)
        {
            throw new NotFoundException("Enrolment", request.Id.ToString());
        }

        return EnrolmentDto.From(f.Enrolment, f.BasisJson, user.CanReadIdNumbers());
    }
}
