namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Policy;
using static Assistance.Domain.Eligibility.TraceFormat;

/// <summary>
/// R-19 (domain.md §3 steps 6–7): the household outcome is the highest member outcome (Tekun, Dibao,
/// DibaoSinglePerson, ExpenditureHardship, DibaoMarginal, NotEligible); the amount is tekun amounts + the
/// dibao unit's amount + single-person amounts; the review interval is the shortest among the cash-granting
/// units (tekun person: tekun; dibao unit: by its stability; single-person: dibaoStable), none without cash.
/// </summary>
internal static class HouseholdTakesTheHighestMemberOutcome
{
    public const string Rule = "R-19";
    public const string Source = "N-57 Art.31; S0 二; S2 二(四)";

    public static (AssessmentOutcome Outcome, decimal Amount, int? Interval) Apply(AssessmentContext context, decimal? dibaoUnitAmount, int? dibaoUnitInterval)
    {
        var outcome = AssessmentOutcome.NotEligible;
        var amount = dibaoUnitAmount ?? 0.00m;
        var anyTekun = false;
        var anySingle = false;
        for (var i = 0; i < context.Members.Count; i++)
        {
            var memberOutcome = context.Facts[i].Outcome;
            if (memberOutcome < outcome)
            {
                outcome = memberOutcome;
            }

            if (memberOutcome is AssessmentOutcome.Tekun or AssessmentOutcome.DibaoSinglePerson)
            {
                amount += context.Facts[i].Amount ?? 0m;
                anyTekun |= memberOutcome == AssessmentOutcome.Tekun;
                anySingle |= memberOutcome == AssessmentOutcome.DibaoSinglePerson;
            }
        }

        int? interval = dibaoUnitInterval;
        if (anyTekun)
        {
            interval = Shortest(interval, context.Reader.RequireInteger(ParameterCatalog.ReviewIntervalTekun));
        }

        if (anySingle)
        {
            interval = Shortest(interval, context.Reader.RequireInteger(ParameterCatalog.ReviewIntervalDibaoStable));
        }

        if (context.Tracing)
        {
            context.Trace(
                Rule,
                "household.outcome",
                Source,
                outcome != AssessmentOutcome.NotEligible,
                interval is { } m
                    ? string.Create(AssessmentContext.Invariant, context.DetailBuffer(), $"household {outcome}; amount {F2(amount)}; review interval {m} months")
                    : string.Create(AssessmentContext.Invariant, context.DetailBuffer(), $"household {outcome}; amount {F2(amount)}; review interval none"));
        }

        return (outcome, amount, interval);
    }

    private static int Shortest(int? current, int candidate) => current is { } c ? Math.Min(c, candidate) : candidate;
}
