namespace Assistance.Application.Reassessments.CompleteReassessmentTask;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>Completes a reassessment task: the household is reassessed and amounts change from the following month .</summary>
public sealed record CompleteReassessmentTaskCommand(Guid Id, IfMatch ExpectedVersion, string Note) : ICommand<ReassessmentTaskDto>;
