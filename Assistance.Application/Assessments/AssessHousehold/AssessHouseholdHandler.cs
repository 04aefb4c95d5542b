namespace Assistance.Application.Assessments.AssessHousehold;

using Assistance.Application.Abstractions;
using Assistance.Application.Policy;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// A query, never run inside a command: a fresh cached resolver is exact here (<see cref="IPolicyResolverCache"/>), so
/// the store, and with it the request's database session and current user, is built only when the cache misses
/// (issue 14: building that chain per request, and the DI scope's lock it takes, showed in the profile).
/// </summary>
public sealed class AssessHouseholdHandler(IPolicyResolverCache cache, IServiceProvider services)
    : IQueryHandler<AssessHouseholdQuery, AssessmentResponse>
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
            Members = ToInputs(request.Members),
            Assets = request.Assets is { } a ? new HouseholdAssets(a.Financial, a.MotorVehicles) : new HouseholdAssets(0m, 0),
            MonthlyRigidExpenditure = request.MonthlyRigidExpenditure,
        };
        _ = TraceDetails.TryParse(query.Trace, out var detail);
        var resolver = cache.TryGetFresh(input.Region, out var fresh)
            ? fresh
            : await EligibilityAssessor.ResolverAsync(services.GetRequiredService<IPolicyStore>(), input.Region, cancellationToken).ConfigureAwait(false);
        var result = EligibilityAssessor.Assess(resolver, input, overrides, detail);
        return AssessmentResponse.From(result, detail);
    }

    // Loops rather than Select(...).ToList(): the list is sized once and no iterator is allocated (issue 14, the hot path).
    private static List<MemberInput> ToInputs(IReadOnlyList<AssessmentMemberDto> members)
    {
        var inputs = new List<MemberInput>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            inputs.Add(ToInput(members[i], i));
        }

        return inputs;
    }

    private static List<IncomeItem> ToIncomes(IReadOnlyList<IncomeDto>? incomes, int index)
    {
        var items = new List<IncomeItem>(incomes?.Count ?? 0);
        for (var j = 0; j < (incomes?.Count ?? 0); j++)
        {
            items.Add(incomes![j] is { } income
                ? new IncomeItem(income.Type, income.MonthlyAmount, income.Unstable)
                : throw new Domain.Common.DomainValidationException($"members[{index}].incomes[{j}]", "An income item cannot be null."));
        }

        return items;
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
            Incomes = ToIncomes(member.Incomes, index),
        };
    }
}
