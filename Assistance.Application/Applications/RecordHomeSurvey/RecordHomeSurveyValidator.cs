namespace Assistance.Application.Applications.RecordHomeSurvey;

using Assistance.Application.Common;
using FluentValidation;

public sealed class RecordHomeSurveyValidator : AbstractValidator<RecordHomeSurveyCommand>
{
    public RecordHomeSurveyValidator()
    {
        RuleFor(c => c.Investigators).NotNull();
        RuleForEach(c => c.Investigators).NotNull().MaximumLength(100);
        RuleFor(c => c.Findings).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.Reason).ReasonText();
    }
}
