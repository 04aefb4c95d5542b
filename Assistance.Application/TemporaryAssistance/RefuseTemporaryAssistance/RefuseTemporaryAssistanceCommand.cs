namespace Assistance.Application.TemporaryAssistance.RefuseTemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

// Refusal at the case's tier, with written reasons.
public sealed record RefuseTemporaryAssistanceCommand(Guid Id, IfMatch ExpectedVersion, string Reasons) : ICommand<TemporaryAssistanceDto>;
