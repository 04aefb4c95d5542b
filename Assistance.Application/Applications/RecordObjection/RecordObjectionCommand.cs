namespace Assistance.Application.Applications.RecordObjection;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Applications;

// objections
public sealed record RecordObjectionCommand(
    Guid ApplicationId, IfMatch ExpectedVersion, string Details, ObjectionResolution Resolution, string? EvaluationOutcome, string? Reason) : ICommand<ApplicationDto>;
