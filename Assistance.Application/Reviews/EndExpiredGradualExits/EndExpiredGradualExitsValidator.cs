namespace Assistance.Application.Reviews.EndExpiredGradualExits;

using FluentValidation;

public sealed class EndExpiredGradualExitsValidator : AbstractValidator<EndExpiredGradualExitsCommand>
{
    public EndExpiredGradualExitsValidator(TimeProvider clock) =>
        RuleFor(c => c.AsOf).Must(d => d is null || d <= Common.ChinaDate.Today(clock))
            .WithMessage("asOf cannot be after today: exits take effect on days that have come.");
}
