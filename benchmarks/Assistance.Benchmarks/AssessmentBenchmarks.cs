namespace Assistance.Benchmarks;

using Assistance.Domain.Tests.Support;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Policy;
using BenchmarkDotNet.Attributes;

/// <summary>
/// Single-thread throughput of <see cref="EligibilityEngine.Assess"/> over a fixed mix of generated households
/// (five seed regions, 2019–2026, 1–5 members), with the trace on and off. Parameters are resolved once per
/// household in the setup: the API resolves them once per request, and that cost is measured separately.
/// </summary>
[MemoryDiagnoser]
public class AssessmentBenchmarks
{
    /// <summary>Households per benchmark invocation; results are reported per assessment.</summary>
    public const int Households = 4000;

    private (AssessmentInput Input, ParameterSet Parameters)[] cases = [];
    private ParameterResolver resolver = null!;

    [GlobalSetup]
    public void Setup()
    {
        resolver = PolicyPacks.LoadResolver();
        var random = new Random(20261126);
        cases = new (AssessmentInput, ParameterSet)[Households];
        for (var i = 0; i < Households; i++)
        {
            var input = HouseholdGenerator.Next(random);
            cases[i] = (input, resolver.ResolveAll(input.Region, input.AsOf, residence: input.Residence));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Households)]
    public decimal AssessWithoutTrace()
    {
        var total = 0m;
        foreach (var (input, parameters) in cases)
        {
            total += EligibilityEngine.Assess(input, parameters, trace: false).MonthlyAmount;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Households)]
    public decimal AssessWithTrace()
    {
        var total = 0m;
        foreach (var (input, parameters) in cases)
        {
            total += EligibilityEngine.Assess(input, parameters, trace: true).MonthlyAmount;
        }

        return total;
    }

    /// <summary>Resolving every catalog key for one (region, date) from the in-memory packs.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    public int ResolveParameterSet()
    {
        var count = 0;
        foreach (var (input, _) in cases)
        {
            count += resolver.ResolveAll(input.Region, input.AsOf, residence: input.Residence).RegionCode.Length;
        }

        return count;
    }
}
