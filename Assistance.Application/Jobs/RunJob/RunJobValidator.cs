namespace Assistance.Application.Jobs.RunJob;

using FluentValidation;

public sealed class RunJobValidator : AbstractValidator<RunJobCommand>
{
    public RunJobValidator(IJobRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        RuleFor(c => c.Period)
            .Must((c, period) => period is null || runner.Jobs.All(j => j.Name != c.Name) || runner.IsValidPeriod(c.Name, period))
            .WithMessage(c => $"period must be a {runner.Jobs.FirstOrDefault(j => j.Name == c.Name)?.Period} of this job (YYYY-MM-DD for a day, YYYY-MM for a month, YYYY-MM-DDTHH for an hour).");
    }
}
