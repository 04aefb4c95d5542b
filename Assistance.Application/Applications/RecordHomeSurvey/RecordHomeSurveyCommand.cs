namespace Assistance.Application.Applications.RecordHomeSurvey;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

// home survey (入户调查)
public sealed record RecordHomeSurveyCommand(Guid ApplicationId, IfMatch ExpectedVersion, IReadOnlyList<string> Investigators, string Findings, string? Reason) : ICommand<ApplicationDto>;
