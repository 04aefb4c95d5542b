namespace Assistance.Application.Calendar.PutCalendarYear;

using Assistance.Application.Common;
using FluentValidation;

public sealed class PutCalendarYearValidator : AbstractValidator<PutCalendarYearCommand>
{
    public PutCalendarYearValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
        RuleFor(c => c.Source).NotEmpty().MaximumLength(500);
        RuleFor(c => c.Holidays).NotNull();
        RuleFor(c => c.MakeUpWorkingDays).NotNull();
        RuleForEach(c => c.Holidays).NotNull().WithMessage("A holiday entry cannot be null: give its date and name.");
        RuleForEach(c => c.MakeUpWorkingDays).NotEqual(default(DateOnly)).WithMessage("A make-up working day must be a date (YYYY-MM-DD).");
        RuleForEach(c => c.Holidays).ChildRules(h => h.RuleFor(x => x.Name).NotEmpty().MaximumLength(100));
        RuleFor(c => c.Reason).ReasonText();
    }
}
