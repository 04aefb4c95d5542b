namespace Assistance.Application.CareAgreements.CreateCareAgreement;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Enrolments;
using Assistance.Domain.Enrolments;

public sealed class CreateCareAgreementHandler(
    IEnrolmentRepository enrolments, ICareAgreementRepository agreements, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateCareAgreementCommand, CareAgreementDto>
{
    public async Task<CareAgreementDto> Handle(CreateCareAgreementCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await enrolments.GetAsync(user.Scope, request.EnrolmentId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Enrolment", request.EnrolmentId.ToString());
        var enrolment = found.Enrolment;
        var hasAgreement = await agreements.ExistsForEnrolmentAsync(user.Scope, enrolment.Id, cancellationToken).ConfigureAwait(false);
        var today = clock.Today();
        var agreement = CareAgreement.Create(
            Guid.CreateVersion7(), enrolment, hasAgreement,
            new CareAgreementTerms(request.CarerName, request.CarerPhone, request.Duties, request.VisitFrequencyDays, request.StartsOn ?? today),
            request.Reason);

        // Created is audited from the aggregate's event, in this transaction.
        await agreements.AddAsync(user.Scope, agreement, cancellationToken).ConfigureAwait(false);
        return CareMapping.ToDto(agreement, [], today);
    }
}
