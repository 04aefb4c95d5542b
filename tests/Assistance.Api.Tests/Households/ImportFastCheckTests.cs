namespace Assistance.Api.Tests.Households;

using Assistance.Application.Households;
using Assistance.Application.Households.CreateHousehold;
using Assistance.Application.Households.ImportHouseholds;
using Assistance.Domain.Households;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>
/// The import's fast check may only skip the create validator for lines the validator accepts: every line it takes is
/// valid for <see cref="CreateHouseholdValidator"/>, every bad line below is refused by both (so the validator words
/// its error), and ordinary good lines are taken (so the fast path is the one an import uses).
/// </summary>
public sealed class ImportFastCheckTests
{
    private static readonly CreateHouseholdValidator Validator = new();

    private static HouseholdMemberInput GoodMember(string? idNumber = null, Relationship relationship = Relationship.Head) =>
        new(IdNumber: idNumber ?? NewIdNumber(), Name: "顾德华", Relationship: relationship);

    private static HouseholdInput Good(params HouseholdMemberInput[] members) =>
        new("320682001", ResidenceType.Rural, "如皋市城南街道 1 号", members.Length == 0 ? [GoodMember()] : members);

    private static IEnumerable<TestCaseData> GoodLines()
    {
        yield return new TestCaseData(Good()).SetName("one member, defaults");
        var spouse = NewIdNumber(male: false, birth: new DateOnly(1961, 5, 17));
        yield return new TestCaseData(Good(GoodMember(), GoodMember(spouse, Relationship.Spouse) with
        {
            BirthDate = new DateOnly(1961, 5, 17),
            Sex = Sex.Female,
            Status = MemberStatus.Present,
            LaborCapacity = LaborCapacity.Partial,
            Disability = new DisabilityInput(DisabilityCategory.Physical, 2),
            SeriousIllness = true,
            SelfCare = SelfCareLevel.PartialCare,
            Incomes = [new IncomeInput(IncomeType.Wage, 1800.50m, true), new IncomeInput(IncomeType.ResidentBasicPension, 0m)],
        }) with
        {
            Assets = new AssetsInput(3000.25m, 1),
            MonthlyRigidExpenditure = 120.5m,
        }).SetName("two members, every field");
        yield return new TestCaseData(Good(GoodMember(NewIdNumberEndingInX().ToLowerInvariant()))).SetName("lowercase x");
        yield return new TestCaseData(Good([.. Enumerable.Range(0, 30).Select(i => GoodMember(relationship: i == 0 ? Relationship.Head : Relationship.Child))]))
            .SetName("thirty members");
        yield return new TestCaseData(Good(GoodMember() with { Name = "  " + new string('名', 100) + " " }) with { Address = " " + new string('址', 500) + "  " })
            .SetName("longest name and address once trimmed");
        yield return new TestCaseData(Good(GoodMember(relationship: Relationship.Other), GoodMember(relationship: Relationship.Other)) with
        {
            Assets = new AssetsInput(),
            RegionCode = "320682",
        }).SetName("no head, empty assets, county code");
    }

    private static IEnumerable<TestCaseData> BadLines()
    {
        var id = NewIdNumber();
        var female = NewIdNumber(male: false, birth: new DateOnly(1970, 1, 2));
        var withX = NewIdNumberEndingInX();
        var lines = new (string Name, HouseholdInput Line)[]
        {
            ("region null", Good() with { RegionCode = null }),
            ("region empty", Good() with { RegionCode = string.Empty }),
            ("region blank", Good() with { RegionCode = "      " }),
            ("region five digits", Good() with { RegionCode = "32068" }),
            ("region letter", Good() with { RegionCode = "32068200X" }),
            ("residence null", Good() with { Residence = null }),
            ("address null", Good() with { Address = null }),
            ("address blank", Good() with { Address = "   " }),
            ("address too long", Good() with { Address = new string('址', 501) }),
            ("financial negative", Good() with { Assets = new AssetsInput(-0.01m) }),
            ("financial three decimals", Good() with { Assets = new AssetsInput(1.001m) }),
            ("financial too large", Good() with { Assets = new AssetsInput(1_000_000_000_000m) }),
            ("vehicles negative", Good() with { Assets = new AssetsInput(MotorVehicles: -1) }),
            ("vehicles too many", Good() with { Assets = new AssetsInput(MotorVehicles: 1001) }),
            ("rigid negative", Good() with { MonthlyRigidExpenditure = -1m }),
            ("rigid three decimals", Good() with { MonthlyRigidExpenditure = 0.001m }),
            ("rigid too large", Good() with { MonthlyRigidExpenditure = 10_000_000_000m }),
            ("members null", Good() with { Members = null }),
            ("members empty", Good() with { Members = [] }),
            ("thirty-one members", Good() with { Members = [.. Enumerable.Range(0, 31).Select(_ => GoodMember(relationship: Relationship.Child))] }),
            ("member null", Good() with { Members = [GoodMember(), null!] }),
            ("member id given", Good(GoodMember() with { Id = Guid.NewGuid() })),
            ("id number null", Good(GoodMember() with { IdNumber = null })),
            ("id number blank", Good(GoodMember() with { IdNumber = " " })),
            ("id number masked", Good(GoodMember(Masked(NewIdNumber())))),
            ("id number check character", Good(GoodMember(id[..17] + (id[17] == '0' ? '1' : '0')))),
            ("id number seventeen characters", Good(GoodMember(id[..17]))),
            ("id number with a space", Good(GoodMember(" " + NewIdNumber()))),
            ("birth date disagrees", Good(GoodMember(female) with { BirthDate = new DateOnly(1970, 1, 3) })),
            ("sex disagrees", Good(GoodMember(female) with { Sex = Sex.Male })),
            ("name null", Good(GoodMember() with { Name = null })),
            ("name blank", Good(GoodMember() with { Name = "  " })),
            ("name too long", Good(GoodMember() with { Name = new string('名', 101) })),
            ("relationship null", Good(GoodMember() with { Relationship = null })),
            ("disability without category", Good(GoodMember() with { Disability = new DisabilityInput(null, 1) })),
            ("disability without grade", Good(GoodMember() with { Disability = new DisabilityInput(DisabilityCategory.Mental) })),
            ("disability grade 0", Good(GoodMember() with { Disability = new DisabilityInput(DisabilityCategory.Mental, 0) })),
            ("disability grade 5", Good(GoodMember() with { Disability = new DisabilityInput(DisabilityCategory.Mental, 5) })),
            ("twenty-one incomes", Good(GoodMember() with { Incomes = [.. Enumerable.Range(0, 21).Select(_ => new IncomeInput(IncomeType.Wage, 1m))] })),
            ("income null", Good(GoodMember() with { Incomes = [null!] })),
            ("income type null", Good(GoodMember() with { Incomes = [new IncomeInput(null, 1m)] })),
            ("income amount null", Good(GoodMember() with { Incomes = [new IncomeInput(IncomeType.Wage)] })),
            ("income negative", Good(GoodMember() with { Incomes = [new IncomeInput(IncomeType.Wage, -0.01m)] })),
            ("income three decimals", Good(GoodMember() with { Incomes = [new IncomeInput(IncomeType.Wage, 0.005m)] })),
            ("income too large", Good(GoodMember() with { Incomes = [new IncomeInput(IncomeType.Wage, 10_000_000_000m)] })),
            ("same ID number twice", Good(GoodMember(id), GoodMember(id, Relationship.Child))),
            ("same ID number, other case", Good(GoodMember(withX), GoodMember(withX.ToLowerInvariant(), Relationship.Child))),
            ("two heads", Good(GoodMember(), GoodMember())),
        };
        return lines.Select(l => new TestCaseData(l.Line).SetName(l.Name));
    }

    [TestCaseSource(nameof(GoodLines))]
    public void GoodLine_IsTakenByTheFastCheck_WithItsParsedIdNumbers_AndTheValidatorAgrees(HouseholdInput line)
    {
        var fast = ImportLineFastCheck.IsCertainlyValid(line, out var ids);

        Assert.Multiple(() =>
        {
            Assert.That(Validator.Validate(CreateHouseholdCommand.From(line)).Errors, Is.Empty);
            Assert.That(fast, Is.True);
            Assert.That(ids.Select(i => i.Value), Is.EqualTo(line.Members!.Select(m => NationalId.Parse(m.IdNumber).Value)));
        });
    }

    [TestCaseSource(nameof(BadLines))]
    public void BadLine_IsLeftToTheValidator_WhichRefusesIt(HouseholdInput line)
    {
        var fast = ImportLineFastCheck.IsCertainlyValid(line, out var ids);

        Assert.Multiple(() =>
        {
            Assert.That(Validator.Validate(CreateHouseholdCommand.From(line)).Errors, Is.Not.Empty);
            Assert.That(fast, Is.False);
            Assert.That(ids, Is.Empty);
        });
    }
}
