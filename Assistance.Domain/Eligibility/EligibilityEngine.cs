namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;

/// <summary>
/// The eligibility assessment of domain.md §3 (R-01, R-10 … R-19): pure — household snapshot + resolved
/// parameters → result + trace. No I/O, no clock, no shared state; safe to call from many threads.
/// </summary>
public static class EligibilityEngine
{
    /// <summary>Assesses <paramref name="input"/> with the parameters resolved for its region and date.</summary>
    /// <param name="input">The household snapshot.</param>
    /// <param name="parameters">Parameters resolved for (input.Region, input.AsOf), overrides applied.</param>
    /// <param name="trace">Whether to return the trace; off, no trace text is built.</param>
    /// <exception cref="Common.DomainValidationException">A malformed input; the field path is named.</exception>
    /// <exception cref="ParameterNotInForceException">A parameter the computation needs has no value in force.</exception>
    public static AssessmentResult Assess(AssessmentInput input, ParameterSet parameters, bool trace)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Date != input.AsOf)
        {
            throw new ArgumentException($"Parameters were resolved for {parameters.Date:yyyy-MM-dd}, the input is dated {input.AsOf:yyyy-MM-dd}.", nameof(parameters));
        }

        var facts = AssessmentInputValidator.Validate(input);
        var context = new AssessmentContext(input, facts, parameters, trace);
        var count = input.Members.Count;

        // Step 1.
        OnlyPresentMembersAreCounted.Apply(context);
        decimal? unitAmount = null;
        int? unitInterval = null;
        Stability? stability = null;
        DibaoClass? dibaoClass = null;
        if (context.CountedMembers > 0)
        {
            // Step 2 and the shared assets predicate.
            CountedIncomeExcludesTypesAndEmploymentCost.Apply(context);
            var assetsPass = AssetsWithinLimits.Apply(context);

            // Step 3 (R-11 … R-13): tekun members are assessed individually and leave the dibao unit.
            decimal? basic = null;
            for (var i = 0; i < count; i++)
            {
                if (!context.Facts[i].Counted || !TekunRequiresCategoryNoLabourNoLivingNoSupporter.IsTekun(context, i, assetsPass))
                {
                    continue;
                }

                context.Facts[i].IsTekun = true;
                basic ??= TekunBasicStandardIsAtLeastEveryFloor.Compute(context);
                var care = TekunCareIsAtLeastShareOfBasic.Compute(context, i, basic.Value);
                context.Facts[i].Outcome = AssessmentOutcome.Tekun;
                context.Facts[i].TekunBasic = basic;
                context.Facts[i].TekunCare = care;
                context.Facts[i].Amount = basic.Value + care;
            }

            var unit = new DibaoUnit(context);
            if (unit.N > 0)
            {
                // Step 4, then step 5 (R-16 … R-18) when not eligible.
                unitAmount = DibaoPaysTheGapToTheStandard.Apply(context, unit, assetsPass);
                if (unitAmount is null)
                {
                    unitAmount = AssessIneligibleUnit(context, unit, assetsPass);
                }

                if (unitAmount is not null)
                {
                    foreach (var i in unit.Members)
                    {
                        context.Facts[i].Outcome = AssessmentOutcome.Dibao;
                        context.Facts[i].Amount = null;
                    }

                    var (s, c, interval) = DibaoStabilityAndClass.Apply(context, unit);
                    (stability, dibaoClass, unitInterval) = (s, c, interval);
                }
            }
        }

        // Steps 6–7.
        var (outcome, amount, reviewInterval) = HouseholdTakesTheHighestMemberOutcome.Apply(context, unitAmount, unitInterval);
        var members = new MemberResult[count];
        for (var i = 0; i < count; i++)
        {
            ref readonly var fact = ref facts[i];
            members[i] = new MemberResult(i, fact.Outcome, fact.Amount, fact.Counted, fact.TekunBasic, fact.TekunCare);
        }

        return new AssessmentResult(input.Region.Value, input.AsOf, outcome, amount, dibaoClass, stability, reviewInterval, members, context.TakeTrace());
    }

    /// <summary>Step 5: the expenditure routes, marginal status and single-person dibao. Returns a dibao amount when the inclusion route grants one.</summary>
    private static decimal? AssessIneligibleUnit(AssessmentContext context, DibaoUnit unit, bool assetsPass)
    {
        if (ExpenditureRoutes.IsEnabled(context, ParameterCatalog.ExpenditureDibaoInclusionEnabled, "expenditure.dibao-inclusion.enabled", ExpenditureRoutes.InclusionSource)
            && ExpenditureRoutes.DibaoByInclusion(context, unit, assetsPass) is { } amount)
        {
            return amount;
        }

        if (MarginalBelowMultipleOfStandard.Apply(context, unit, assetsPass))
        {
            foreach (var i in unit.Members)
            {
                context.Facts[i].Outcome = AssessmentOutcome.DibaoMarginal;
            }

            SinglePersonDibaoForSevereMembersOfMarginalHouseholds.Apply(context, unit);
            return null;
        }

        if (ExpenditureRoutes.IsEnabled(context, ParameterCatalog.ExpenditureRigidShareEnabled, "expenditure.rigid-share.enabled", ExpenditureRoutes.RigidShareSource)
            && ExpenditureRoutes.IsExpenditureHardship(context, unit, assetsPass))
        {
            foreach (var i in unit.Members)
            {
                context.Facts[i].Outcome = AssessmentOutcome.ExpenditureHardship;
            }
        }

        return null;
    }
}
