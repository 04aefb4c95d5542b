namespace Assistance.Application.Assessments.AssessHousehold;

using Assistance.Application.Abstractions;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using FluentValidation;

/// <summary>Assesses a household snapshot on a date in a region (api.md). Stateless: nothing is stored.</summary>
/// <param name="Request">The snapshot.</param>
/// <param name="Trace">The <c>trace</c> query parameter: none, summary or full (null = full).</param>
public sealed record AssessHouseholdQuery(AssessmentRequest Request, string? Trace = null) : IQuery<AssessmentResponse>;

public sealed class AssessHouseholdValidator : AbstractValidator<AssessHouseholdQuery>
{
    public AssessHouseholdValidator()
    {
        RuleFor(q => q.Request).NotNull().WithName("body");
        RuleFor(q => q.Trace).Must(t => TraceDetails.TryParse(t, out _)).WithMessage($"trace must be {TraceDetails.Allowed}.").OverridePropertyName("trace");
        When(q => q.Request is not null, () =>
        {
            RuleFor(q => q.Request.RegionCode).NotEmpty().Must(c => Domain.Regions.RegionCode.TryParse(c, out _))
                .WithMessage("regionCode must be 6, 9 or 12 digits.").OverridePropertyName("regionCode");
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

public sealed class AssessHouseholdHandler(EligibilityAssessor assessor) : IQueryHandler<AssessHouseholdQuery, AssessmentResponse>
{
    public async Task<AssessmentResponse> Handle(AssessHouseholdQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = query.Request;
        var overrides = EligibilityAssessor.ReadOverrides(request.ParameterOverrides);
        var input = new AssessmentInput
        {
            Region = EligibilityAssessor.Region(request.RegionCode),
            AsOf = request.AsOf,
            Residence = request.Residence,
            Members = request.Members.Select((m, i) => ToInput(m, i)).ToList(),
            Assets = request.Assets is { } a ? new HouseholdAssets(a.Financial, a.MotorVehicles) : new HouseholdAssets(0m, 0),
            MonthlyRigidExpenditure = request.MonthlyRigidExpenditure,
        };
        _ = TraceDetails.TryParse(query.Trace, out var detail);
        var result = await assessor.AssessAsync(input, overrides, cancellationToken, detail).ConfigureAwait(false);
        return AssessmentResponse.From(result, detail);
    }

    private static MemberInput ToInput(AssessmentMemberDto member, int index)
    {
        if (member is null)
        {
            throw new Domain.Common.DomainValidationException($"members[{index}]", "A member cannot be null.");
        }

        return new MemberInput
        {
            IdNumber = member.IdNumber,
            BirthDate = member.BirthDate,
            Status = member.Status,
            LaborCapacity = member.LaborCapacity,
            Disability = member.Disability is { } d ? new Disability(d.Category, d.Grade) : null,
            SeriousIllness = member.SeriousIllness,
            SelfCare = member.SelfCare,
            InSchool = member.InSchool,
            Employed = member.Employed,
            HasCapableSupporter = member.HasCapableSupporter,
            TekunSince = member.TekunSince,
            Incomes = (member.Incomes ?? []).Select((income, j) => income is null
                ? throw new Domain.Common.DomainValidationException($"members[{index}].incomes[{j}]", "An income item cannot be null.")
                : new IncomeItem(income.Type, income.MonthlyAmount, income.Unstable)).ToList(),
        };
    }
}
