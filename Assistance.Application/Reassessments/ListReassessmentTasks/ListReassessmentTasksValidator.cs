namespace Assistance.Application.Reassessments.ListReassessmentTasks;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListReassessmentTasksValidator : AbstractValidator<ListReassessmentTasksQuery>
{
    public ListReassessmentTasksValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
        RuleFor(q => q.Status).IsInEnum();
    }
}
