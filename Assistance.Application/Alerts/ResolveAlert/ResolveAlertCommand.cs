namespace Assistance.Application.Alerts.ResolveAlert;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>Closes the alert with a note saying what was done; a recurring condition raises a new alert.</summary>
public sealed record ResolveAlertCommand(Guid Id, IfMatch ExpectedVersion, string Note) : ICommand<AlertDto>;
