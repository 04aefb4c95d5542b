namespace Assistance.Application.Applications.RecordVerificationResult;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Applications;

// verification result, per source
public sealed record RecordVerificationResultCommand(
    Guid ApplicationId, IfMatch ExpectedVersion, VerificationSource Source, VerificationOutcome Outcome, string? Details, string? Reason) : ICommand<ApplicationDto>;
