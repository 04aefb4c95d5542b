namespace Assistance.Application.Reassessments.GetReassessmentTask;

using Assistance.Application.Abstractions;

public sealed record GetReassessmentTaskQuery(Guid Id) : IQuery<ReassessmentTaskDto>;
