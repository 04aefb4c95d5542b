namespace Assistance.Application.Alerts.AcknowledgeAlert;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class AcknowledgeAlertHandler(IAlertRepository alerts, ICurrentUser user, TimeProvider clock) : ICommandHandler<AcknowledgeAlertCommand, AlertDto>
{
    public async Task<AlertDto> Handle(AcknowledgeAlertCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alert = VersionedLoad.Require(
            await alerts.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false), "Alert", request.Id, request.ExpectedVersion, a => a.Version);
        var loaded = alert.Version;
        var now = clock.GetUtcNow();
        alert.Acknowledge(user.Subject, now);
        await alerts.SaveAsync(user.Scope, alert, loaded, now, cancellationToken).ConfigureAwait(false);
        return AlertDto.From(alert.State);
    }
}
