namespace Assistance.Api.Tests.Policy;

using System.Text.Json;
using Assistance.Application.Assessments;
using Assistance.Application.Assessments.AssessHousehold;
using Assistance.Application.Behaviours;
using Assistance.Domain.Households;

/// <summary>
/// <see cref="AssessHouseholdValidator.ConfirmsValid"/> lets POST /assessments skip FluentValidation and the reflective
/// <see cref="DeclaredLimits"/> walk (issue 14). It may only say "valid" where both would report nothing, and must say
/// "not sure" wherever either reports a failure, so the 400 is unchanged.
/// </summary>
public sealed class AssessmentValidationShortcutTests
{
    private static readonly AssessHouseholdValidator Validator = new();
    private static readonly (string, string)[] ExpectedLimitFailures =
    [
        ("RegionCode", "regionCode is longer than 12 (characters or items)."),
        ("Members[1].Incomes[1].MonthlyAmount", "members[1].incomes[1].monthlyAmount must lie between 0 and 99999999.99."),
    ];

    private static readonly string[] ExpectedFields = ["monthlyRigidExpenditure", "Members[0].IdNumber", "Members[0].Disability.Grade"];

    private static readonly AssessmentMemberDto Member = new(
        IdNumber: "320682195001010011",
        BirthDate: new DateOnly(1950, 1, 1),
        LaborCapacity: LaborCapacity.None,
        Disability: new DisabilityDto(DisabilityCategory.Physical, 2),
        SelfCare: SelfCareLevel.PartialCare,
        Incomes: [new IncomeDto(IncomeType.ResidentBasicPension, 150m)]);

    private static readonly AssessmentRequest Example = new(
        "320682", new DateOnly(2022, 10, 1), ResidenceType.Urban, [Member], new AssetsDto(5000m, 0), 0m,
        new Dictionary<string, JsonElement>
        {
            ["dibao.standard.urban"] = JsonSerializer.SerializeToElement(900m),
            ["tekun.care.amount.partialCare"] = JsonSerializer.SerializeToElement(130m),
        });

    private static IEnumerable<TestCaseData> ValidAtTheLimits()
    {
        yield return Case("the api.md example", Example);
        yield return Case("trace none", Example, "none");
        yield return Case("trace summary", Example, "summary");
        yield return Case("trace full", Example, "full");
        yield return Case("no assets, incomes or overrides", Example with { Assets = null, Members = [Member with { Incomes = null, Disability = null, IdNumber = null }], ParameterOverrides = null });
        yield return Case("30 members", Example with { Members = Enumerable.Repeat(Member, 30).ToList() });
        yield return Case("grade 1", Example with { Members = [Member with { Disability = new DisabilityDto(DisabilityCategory.Visual, 1) }] });
        yield return Case("grade 4", Example with { Members = [Member with { Disability = new DisabilityDto(DisabilityCategory.Visual, 4) }] });
        yield return Case("20 incomes at the bounds", Example with
        {
            Members = [Member with { Incomes = [.. Enumerable.Repeat(new IncomeDto(IncomeType.Wage, 99999999.99m), 19), new IncomeDto(IncomeType.Wage, 0m)] }],
        });
        yield return Case("assets at the bounds", Example with { Assets = new AssetsDto(999999999999.99m, 100) });
        yield return Case("expenditure at the bound", Example with { MonthlyRigidExpenditure = 99999999.99m });
        yield return Case("100 overrides", Example with { ParameterOverrides = Overrides(100) });
        yield return Case("12-digit region", Example with { RegionCode = "320682001001" });
    }

    private static IEnumerable<TestCaseData> Invalid()
    {
        yield return Case("no body", null!);
        yield return Case("unknown trace", Example, "verbose");
        yield return Case("empty region", Example with { RegionCode = string.Empty });
        yield return Case("blank region", Example with { RegionCode = "      " });
        yield return Case("5-digit region", Example with { RegionCode = "32068" });
        yield return Case("13-digit region", Example with { RegionCode = "3206820010011" });
        yield return Case("letters in the region", Example with { RegionCode = "32068x" });
        yield return Case("no date", Example with { AsOf = default });
        yield return Case("no members", Example with { Members = null! });
        yield return Case("0 members", Example with { Members = [] });
        yield return Case("31 members", Example with { Members = Enumerable.Repeat(Member, 31).ToList() });
        yield return Case("negative expenditure", Example with { MonthlyRigidExpenditure = -0.01m });
        yield return Case("expenditure too large", Example with { MonthlyRigidExpenditure = 100000000m });
        yield return Case("negative assets", Example with { Assets = new AssetsDto(-1m, 0) });
        yield return Case("assets too large", Example with { Assets = new AssetsDto(1000000000000m, 0) });
        yield return Case("negative vehicles", Example with { Assets = new AssetsDto(0m, -1) });
        yield return Case("101 vehicles", Example with { Assets = new AssetsDto(0m, 101) });
        yield return Case("101 overrides", Example with { ParameterOverrides = Overrides(101) });
        yield return Case("19-character ID number", Example with { Members = [Member with { IdNumber = "3206821950010100111" }] });
        yield return Case("grade 0", Example with { Members = [Member with { Disability = new DisabilityDto(DisabilityCategory.Physical, 0) }] });
        yield return Case("grade 5", Example with { Members = [Member with { Disability = new DisabilityDto(DisabilityCategory.Physical, 5) }] });
        yield return Case("21 incomes", Example with { Members = [Member with { Incomes = Enumerable.Repeat(new IncomeDto(IncomeType.Wage, 1m), 21).ToList() }] });
        yield return Case("negative income", Example with { Members = [Member with { Incomes = [new IncomeDto(IncomeType.Wage, -0.01m)] }] });
        yield return Case("income too large", Example with { Members = [Member with { Incomes = [new IncomeDto(IncomeType.Wage, 100000000m)] }] });
        yield return Case("a bad second member", Example with { Members = [Member, Member with { Incomes = [new IncomeDto(IncomeType.Wage, -1m)] }] });
    }

    [TestCaseSource(nameof(ValidAtTheLimits))]
    public void ValidRequest_IsConfirmed_AndTheFullValidationAgrees(AssessHouseholdQuery query)
    {
        Assert.Multiple(() =>
        {
            Assert.That(FullFailures(query), Is.Empty);
            Assert.That(Validator.ConfirmsValid(query), Is.True);
        });
    }

    [TestCaseSource(nameof(Invalid))]
    public void InvalidRequest_IsNotConfirmed_AndTheFullValidationReportsIt(AssessHouseholdQuery query)
    {
        Assert.Multiple(() =>
        {
            Assert.That(FullFailures(query), Is.Not.Empty);
            Assert.That(Validator.ConfirmsValid(query), Is.False);
        });
    }

    [Test]
    public void NullMemberOrIncome_IsLeftToTheHandler_NotConfirmed()
    {
        // Neither check reports these (the handler answers them with a 400 naming the item); the shortcut stays out of it.
        var nullMember = new AssessHouseholdQuery(Example with { Members = [Member, null!] });
        var nullIncome = new AssessHouseholdQuery(Example with { Members = [Member with { Incomes = [null!] }] });
        Assert.Multiple(() =>
        {
            Assert.That(FullFailures(nullMember), Is.Empty);
            Assert.That(Validator.ConfirmsValid(nullMember), Is.False);
            Assert.That(FullFailures(nullIncome), Is.Empty);
            Assert.That(Validator.ConfirmsValid(nullIncome), Is.False);
        });
    }

    [Test]
    public async Task SharedValidationStep_ReportsTheSameFailuresAsBefore()
    {
        // RequestValidation (mediator and direct path) with the shortcut: the validator's failures, then the declared
        // limits not already reported, exactly as without it.
        var query = new AssessHouseholdQuery(Example with
        {
            MonthlyRigidExpenditure = -1m,
            Members = [Member with { IdNumber = "3206821950010100111", Disability = new DisabilityDto(DisabilityCategory.Physical, 9) }],
        });
        var failures = await RequestValidation.FailuresAsync(query, [Validator], CancellationToken.None);
        var none = await RequestValidation.FailuresAsync(new AssessHouseholdQuery(Example), [Validator], CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(failures?.Select(f => f.PropertyName), Is.EqualTo(FullFailures(query)));
            Assert.That(failures?.Select(f => f.PropertyName), Is.EqualTo(ExpectedFields));
            Assert.That(none, Is.Null);
        });
    }

    [Test]
    public void DeclaredLimits_NameEachFieldByItsJsonPath()
    {
        // The compiled walk (issue 14) reports what the reflective one did: the body's fields without the "Request"
        // wrapper, list items by index, messages in API terms.
        var query = new AssessHouseholdQuery(Example with
        {
            RegionCode = "3206820010011",
            Members = [Member, Member with { Incomes = [new IncomeDto(IncomeType.Wage, 1m), new IncomeDto(IncomeType.Wage, -5m)] }],
        });

        var failures = DeclaredLimits.Check(query).Select(f => (f.PropertyName, f.ErrorMessage)).ToList();

        Assert.That(failures, Is.EqualTo(ExpectedLimitFailures));
    }

    private static List<string> FullFailures(AssessHouseholdQuery query)
    {
        var failures = Validator.Validate(query).Errors.Select(f => f.PropertyName).ToList();
        foreach (var limit in DeclaredLimits.Check(query))
        {
            if (!failures.Contains(limit.PropertyName, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add(limit.PropertyName);
            }
        }

        return failures;
    }

    private static Dictionary<string, JsonElement> Overrides(int count) =>
        Enumerable.Range(0, count).ToDictionary(i => $"key{i}", _ => JsonSerializer.SerializeToElement(1m));

    private static TestCaseData Case(string name, AssessmentRequest request, string? trace = null) =>
        new TestCaseData(new AssessHouseholdQuery(request, trace)).SetName($"{{m}}({name})");
}
