namespace Assistance.Application.Alerts.GetAlert;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetAlertHandler(IAlertRepository alerts, ICurrentUser user) : IQueryHandler<GetAlertQuery, AlertDto>
{
    public async Task<AlertDto> Handle(GetAlertQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alert = await alerts.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Alert", request.Id.ToString());
        return AlertDto.From(alert.State);
    }
}
