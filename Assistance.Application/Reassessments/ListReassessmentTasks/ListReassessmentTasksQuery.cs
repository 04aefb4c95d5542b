namespace Assistance.Application.Reassessments.ListReassessmentTasks;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Reassessments;

public sealed record ListReassessmentTasksQuery(string? RegionCode, ReassessmentTaskStatus? Status, Guid? HouseholdId, int? Limit, string? Cursor)
    : IQuery<Page<ReassessmentTaskDto>>;
