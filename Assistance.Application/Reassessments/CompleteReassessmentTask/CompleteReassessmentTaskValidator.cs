namespace Assistance.Application.Reassessments.CompleteReassessmentTask;

using FluentValidation;

public sealed class CompleteReassessmentTaskValidator : AbstractValidator<CompleteReassessmentTaskCommand>
{
    public CompleteReassessmentTaskValidator() => RuleFor(c => c.Note).NotEmpty().MaximumLength(2000);
}
