namespace Assistance.Application.Applications.DecideApplication;

using FluentValidation;

public sealed class DecideApplicationValidator : AbstractValidator<DecideApplicationCommand>
{
    public DecideApplicationValidator()
    {
        RuleFor(c => c.Decision).IsInEnum();
        RuleFor(c => c.Reasons).MaximumLength(8000);
        RuleFor(c => c.CareSetting).IsInEnum();
    }
}
