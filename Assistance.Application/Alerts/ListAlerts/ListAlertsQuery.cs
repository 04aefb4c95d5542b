namespace Assistance.Application.Alerts.ListAlerts;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Alerts;

public sealed record ListAlertsQuery(string? RegionCode, string? Rule, AlertStatus? Status, int? Limit, string? Cursor) : IQuery<Page<AlertDto>>;
