namespace Assistance.Domain.Tests.Support;

using System.Globalization;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>Builders for household snapshots used by the rule tests.</summary>
internal static class TestHouseholds
{
    /// <summary>A day written as the sources write it (yyyy-MM-dd).</summary>
    public static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A date on which the national baseline holds its 2021-07-01 … 2026-01-01 values.</summary>
    public static readonly DateOnly D = new(2023, 6, 1);

    /// <summary>Standard S used with the National parameter sets.</summary>
    public const decimal S = 1000.00m;

    /// <summary>National baseline on <paramref name="date"/> with S = 1000.00 (urban and rural) plus overrides.</summary>
    public static ParameterSet National(DateOnly date, params (string Key, object? Value)[] overrides) =>
        PolicyData.For(
            "000000",
            date,
            [("dibao.standard.urban", S), ("dibao.standard.rural", S), .. overrides]);

    public static ParameterSet National(params (string Key, object? Value)[] overrides) => National(D, overrides);

    /// <summary>A working-age adult with full labour capacity and no income.</summary>
    public static MemberInput Adult(int age = 40, DateOnly? on = null) => new()
    {
        BirthDate = BornAged(age, on ?? D),
        LaborCapacity = LaborCapacity.Full,
    };

    /// <summary>An elderly person without labour capacity, no supporter, no income: tekun in the baseline.</summary>
    public static MemberInput Elder(int age = 75, DateOnly? on = null) => new()
    {
        BirthDate = BornAged(age, on ?? D),
        LaborCapacity = LaborCapacity.None,
    };

    public static DateOnly BornAged(int age, DateOnly on) => on.AddYears(-age);

    public static MemberInput WithIncome(this MemberInput member, IncomeType type, decimal amount, bool unstable = false) =>
        member with { Incomes = [.. member.Incomes, new IncomeItem(type, amount, unstable)] };

    public static AssessmentInput Household(params MemberInput[] members) => Household(D, "000000", members);

    public static AssessmentInput Household(DateOnly date, string region, params MemberInput[] members) => new()
    {
        Region = RegionCode.Parse(region),
        AsOf = date,
        Residence = ResidenceType.Urban,
        Members = members,
    };

    public static AssessmentResult Assess(AssessmentInput input, ParameterSet parameters) =>
        EligibilityEngine.Assess(input, parameters, trace: true);

    public static TraceEntry Entry(this AssessmentResult result, string rule) =>
        result.Trace.First(t => t.Rule == rule);

    public static TraceEntry EntryNamed(this AssessmentResult result, string name) =>
        result.Trace.First(t => t.Name == name);
}
