namespace Assistance.Application.Overpayments.ResolveOverpayment;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ResolveOverpaymentHandler(IOverpaymentRepository overpayments, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ResolveOverpaymentCommand, OverpaymentDto>
{
    public async Task<OverpaymentDto> Handle(ResolveOverpaymentCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = VersionedLoad.Require(
            await overpayments.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false), "Overpayment", request.Id, request.ExpectedVersion, x => x.Version);
        var loaded = o.Version;
        o.Resolve(request.Status, request.Note, clock.Today());
        await overpayments.SaveAsync(user.Scope, o, loaded, cancellationToken).ConfigureAwait(false);
        var deducted = await overpayments.DeductedOnRollsAsync(user.Scope, [o.Id], cancellationToken).ConfigureAwait(false);
        return OverpaymentDto.From(o, user.CanReadIdNumbers(), deducted.GetValueOrDefault(o.Id));
    }
}
