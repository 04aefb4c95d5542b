namespace Assistance.Domain.Tests.Eligibility;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Tests.Support;

/// <summary>Properties over many generated households (seeded, so reproducible), assessed with the real packs.</summary>
public class EnginePropertyTests
{
    private const int Seed = 20261126;
    private const int Households = 400;

    private static IEnumerable<(AssessmentInput Input, ParameterSet Set)> Generated(int seed = Seed, int count = Households)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var input = HouseholdGenerator.Next(random);
            yield return (input, PolicyData.Resolver.ResolveAll(input.Region, input.AsOf, residence: input.Residence));
        }
    }

    private static decimal DibaoUnitAmount(AssessmentResult result) =>
        result.MonthlyAmount - result.Members.Sum(m => m.MonthlyAmount ?? 0m);

    [Test]
    public void Assess_ForGeneratedHouseholds_AmountsAreNeverNegative()
    {
        foreach (var (input, set) in Generated())
        {
            var result = EligibilityEngine.Assess(input, set, trace: false);
            Assert.That(result.MonthlyAmount, Is.GreaterThanOrEqualTo(0m));
            Assert.That(result.Members.Select(m => m.MonthlyAmount ?? 0m), Is.All.GreaterThanOrEqualTo(0m));
        }
    }

    [Test]
    public void Assess_ForGeneratedHouseholds_SameInputGivesSameOutput()
    {
        foreach (var (input, set) in Generated())
        {
            var first = EligibilityEngine.Assess(input, set, trace: true);
            var second = EligibilityEngine.Assess(input, set, trace: true);
            Assert.That(second.Members, Is.EqualTo(first.Members));
            Assert.That(second with { Members = first.Members, Trace = first.Trace }, Is.EqualTo(first));
            Assert.That(second.Trace.Select(t => (t.Rule, t.Name, t.Passed, t.Detail)), Is.EqualTo(first.Trace.Select(t => (t.Rule, t.Name, t.Passed, t.Detail))));
        }
    }

    [Test]
    public void Assess_ForGeneratedHouseholds_MoreIncomeNeverRaisesTheDibaoAmount()
    {
        var random = new Random(Seed + 1);
        foreach (var (input, set) in Generated())
        {
            var before = EligibilityEngine.Assess(input, set, trace: false);
            var index = random.Next(input.Members.Count);

            // OldAgeAllowance counts for dibao but not for tekun, so tekun membership cannot change.
            var richer = input.Members.ToArray();
            richer[index] = richer[index] with { Incomes = [.. richer[index].Incomes, new IncomeItem(IncomeType.OldAgeAllowance, random.Next(1, 50_000) / 100m, false)] };
            var after = EligibilityEngine.Assess(input with { Members = richer }, set, trace: false);

            Assert.That(DibaoUnitAmount(after), Is.LessThanOrEqualTo(DibaoUnitAmount(before)), $"household at {input.Region} {input.AsOf}");
        }
    }

    [Test]
    public void Assess_ForGeneratedHouseholds_TraceShowsTheResolvedValueOfEveryParameterRead()
    {
        foreach (var (input, set) in Generated())
        {
            var result = EligibilityEngine.Assess(input, set, trace: true);
            foreach (var read in result.Trace.SelectMany(t => t.Parameters))
            {
                var resolved = set.Get(read.Key);
                Assert.That(resolved, Is.Not.Null, read.Key);
                Assert.That(read, Is.EqualTo(resolved), read.Key);
            }
        }
    }

    [Test]
    public void Assess_ForGeneratedHouseholds_ParametersNotInTheTraceDoNotAffectTheResult()
    {
        foreach (var (input, set) in Generated(Seed + 2, 200))
        {
            var result = EligibilityEngine.Assess(input, set, trace: true);
            var read = result.Trace.SelectMany(t => t.Parameters).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

            // Unset every parameter the trace does not name: a hidden read would now throw or change the result.
            var unset = ParameterCatalog.All.Where(d => !read.Contains(d.Key)).ToDictionary(d => d.Key, _ => ParameterValueData.Null);
            var blind = EligibilityEngine.Assess(input, set.WithOverrides(unset), trace: false);

            Assert.That(blind.Members, Is.EqualTo(result.Members));
            Assert.That(blind with { Members = result.Members, Trace = result.Trace }, Is.EqualTo(result));
        }
    }

    [Test]
    public void Assess_ForGeneratedHouseholds_HouseholdOutcomeIsTheHighestMemberOutcome()
    {
        foreach (var (input, set) in Generated())
        {
            var result = EligibilityEngine.Assess(input, set, trace: false);
            Assert.That(result.Outcome, Is.EqualTo(result.Members.Min(m => m.Outcome)));
            Assert.That(result.Members.Where(m => !m.Counted).Select(m => m.Outcome), Is.All.EqualTo(AssessmentOutcome.NotEligible));
        }
    }

    [Test]
    public void Assess_ForGeneratedHouseholds_ReviewIntervalIsSetExactlyWhenCashIsGranted()
    {
        foreach (var (input, set) in Generated())
        {
            var result = EligibilityEngine.Assess(input, set, trace: false);
            var grantsCash = result.Outcome is AssessmentOutcome.Tekun or AssessmentOutcome.Dibao or AssessmentOutcome.DibaoSinglePerson;
            Assert.That(result.ReviewIntervalMonths.HasValue, Is.EqualTo(grantsCash));
        }
    }

    [Test]
    public void Assess_WhenCalledFromManyThreadsOnSharedParameterSets_GivesTheSingleThreadedResults()
    {
        var cases = Generated(Seed + 3, 200).ToArray();
        var expected = cases.Select(c => EligibilityEngine.Assess(c.Input, c.Set, trace: false)).ToArray();
        var actual = new AssessmentResult[cases.Length];

        Parallel.For(0, cases.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var i = k % cases.Length;
            actual[i] = EligibilityEngine.Assess(cases[i].Input, cases[i].Set, trace: k % 2 == 0);
        });

        for (var i = 0; i < cases.Length; i++)
        {
            Assert.That(actual[i].Members, Is.EqualTo(expected[i].Members));
            Assert.That(actual[i].MonthlyAmount, Is.EqualTo(expected[i].MonthlyAmount));
            Assert.That(actual[i].Outcome, Is.EqualTo(expected[i].Outcome));
        }
    }
}
