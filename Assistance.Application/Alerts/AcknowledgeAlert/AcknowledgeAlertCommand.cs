namespace Assistance.Application.Alerts.AcknowledgeAlert;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>A caseworker takes the alert on .</summary>
public sealed record AcknowledgeAlertCommand(Guid Id, IfMatch ExpectedVersion) : ICommand<AlertDto>;
