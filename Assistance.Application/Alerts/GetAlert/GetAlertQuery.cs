namespace Assistance.Application.Alerts.GetAlert;

using Assistance.Application.Abstractions;

public sealed record GetAlertQuery(Guid Id) : IQuery<AlertDto>;
