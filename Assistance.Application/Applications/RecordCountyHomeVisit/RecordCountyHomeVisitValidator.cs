namespace Assistance.Application.Applications.RecordCountyHomeVisit;

using Assistance.Application.Common;
using FluentValidation;

public sealed class RecordCountyHomeVisitValidator : AbstractValidator<RecordCountyHomeVisitCommand>
{
    public RecordCountyHomeVisitValidator()
    {
        RuleFor(c => c.Purpose).IsInEnum();
        RuleFor(c => c.Investigators).NotNull();
        RuleForEach(c => c.Investigators).NotNull().MaximumLength(100);
        RuleFor(c => c.Findings).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.Reason).ReasonText();
    }
}
