namespace Assistance.Application.Assessments.AssessStoredHousehold;

using FluentValidation;

public sealed class AssessStoredHouseholdValidator : AbstractValidator<AssessStoredHouseholdQuery>
{
    public AssessStoredHouseholdValidator()
    {
        RuleFor(q => q.Request).NotNull().WithName("body");
        RuleFor(q => q.Request.AsOf).NotEqual(default(DateOnly)).When(q => q.Request is not null)
            .WithMessage("asOf (YYYY-MM-DD) is required.").OverridePropertyName("asOf");
    }
}
