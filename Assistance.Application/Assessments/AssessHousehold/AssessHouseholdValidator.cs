namespace Assistance.Application.Assessments.AssessHousehold;

using Assistance.Application.Common;
using FluentValidation;

public sealed class AssessHouseholdValidator : AbstractValidator<AssessHouseholdQuery>
{
    public AssessHouseholdValidator()
    {
        RuleFor(q => q.Request).NotNull().WithName("body");
        RuleFor(q => q.Trace).Must(t => TraceDetails.TryParse(t, out _)).WithMessage($"trace must be {TraceDetails.Allowed}.").OverridePropertyName("trace");
        When(q => q.Request is not null, () =>
        {
            RuleFor(q => q.Request.RegionCode).NotEmpty().ValidRegionCode().OverridePropertyName("regionCode");
            RuleFor(q => q.Request.AsOf).NotEqual(default(DateOnly)).WithMessage("asOf (YYYY-MM-DD) is required.").OverridePropertyName("asOf");
            RuleFor(q => q.Request.Members).NotNull().WithMessage("members is required.").OverridePropertyName("members");
            RuleFor(q => q.Request.Members.Count).InclusiveBetween(1, 30).When(q => q.Request.Members is not null)
                .WithMessage("A household has 1 to 30 members.").OverridePropertyName("members");
            RuleFor(q => q.Request.MonthlyRigidExpenditure).GreaterThanOrEqualTo(0).OverridePropertyName("monthlyRigidExpenditure");
            RuleFor(q => q.Request.Assets!.Financial).GreaterThanOrEqualTo(0).When(q => q.Request.Assets is not null).OverridePropertyName("assets.financial");
            RuleFor(q => q.Request.Assets!.MotorVehicles).InclusiveBetween(0, 100).When(q => q.Request.Assets is not null).OverridePropertyName("assets.motorVehicles");
            RuleFor(q => q.Request.ParameterOverrides!.Count).LessThanOrEqualTo(100).When(q => q.Request.ParameterOverrides is not null)
                .OverridePropertyName("parameterOverrides");
        });
    }
}
