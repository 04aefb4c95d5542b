namespace Assistance.Application.Overpayments.GetOverpayment;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetOverpaymentHandler(IOverpaymentRepository overpayments, ICurrentUser user) : IQueryHandler<GetOverpaymentQuery, OverpaymentDto>
{
    public async Task<OverpaymentDto> Handle(GetOverpaymentQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = await overpayments.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Overpayment", request.Id.ToString());
        var deducted = await overpayments.DeductedOnRollsAsync(user.Scope, [o.Id], cancellationToken).ConfigureAwait(false);
        return OverpaymentDto.From(o, user.CanReadIdNumbers(), deducted.GetValueOrDefault(o.Id));
    }
}
