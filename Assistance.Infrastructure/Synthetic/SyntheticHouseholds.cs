namespace Assistance.Infrastructure.Synthetic;

using System.Globalization;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;

/// <summary>What kind of enrolled household a synthetic household is (the mix the loader draws from).</summary>
public enum SyntheticKind
{
    /// <summary>Dibao, stable (class A/B, reviewed every 12 months): elderly or disabled members without labour capacity.</summary>
    DibaoStable,

    /// <summary>Dibao, unstable (class C, reviewed every 6 months): working-age members, some unemployed.</summary>
    DibaoUnstable,

    /// <summary>Tekun in an institution (集中供养).</summary>
    TekunCentralized,

    /// <summary>Tekun at home with a care agreement (分散供养).</summary>
    TekunDecentralized,

    /// <summary>Marginal household (低保边缘) with rigid spending.</summary>
    Marginal,
}

public sealed record SyntheticMember(
    Guid Id, int Position, string IdNumber, string Name, Relationship Relationship, DateOnly BirthDate, Sex Sex, LaborCapacity LaborCapacity,
    DisabilityCategory? DisabilityCategory, short? DisabilityGrade, bool SeriousIllness, SelfCareLevel SelfCare, bool InSchool, bool Employed,
    IReadOnlyList<(IncomeType Type, decimal Amount, bool Unstable)> Incomes);

public sealed record SyntheticEnrolment(
    Guid Id, Guid ApplicationId, Programme Programme, Guid? PersonMemberId, IReadOnlyList<SyntheticMember> Covered, decimal MonthlyAmount,
    string? DibaoClass, int? ReviewIntervalMonths, DateOnly? NextReviewOn, DateOnly StartMonth, DateOnly ApprovedOn, CareSetting? CareSetting);

public sealed record SyntheticCareAgreement(Guid Id, Guid EnrolmentId, string CarerName, int VisitFrequencyDays, DateOnly StartsOn, DateOnly? LastVisitOn);

public sealed record SyntheticHousehold(
    Guid Id, SyntheticKind Kind, string RegionCode, ResidenceType Residence, string Address, decimal FinancialAssets, decimal MonthlyRigidExpenditure,
    IReadOnlyList<SyntheticMember> Members, SyntheticEnrolment Enrolment, SyntheticCareAgreement? CareAgreement);

/// <summary>
/// Draws realistic enrolled households for load tests and benchmarks: deterministic for a seed, ID numbers with valid
/// check characters (unique within the run and against <see cref="Taken"/>), spread over the seeded counties and
/// townships, review dates spread from three months overdue to a year ahead of <c>today</c>. The people are invented.
/// </summary>
public sealed class SyntheticHouseholds(int seed, DateOnly today)
{
    /// <summary>Regions of the seeded tree (0002_regions.sql) that enrolments live in: townships and counties of four provinces.</summary>
    public static readonly IReadOnlyList<(string Code, ResidenceType Residence, string Place)> Regions =
    [
        ("320682001", ResidenceType.Urban, "如皋市如城街道"),
        ("320682002", ResidenceType.Urban, "如皋市城北街道"),
        ("320682100", ResidenceType.Rural, "如皋市长江镇"),
        ("320402", ResidenceType.Urban, "常州市天宁区"),
        ("340302", ResidenceType.Urban, "蚌埠市龙子湖区"),
        ("469001", ResidenceType.Rural, "五指山市"),
        ("610100", ResidenceType.Urban, "西安市"),
    ];

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "顾", "冒", "蒋"];
    private static readonly string[] Given = ["建国", "秀英", "桂兰", "志强", "丽娟", "海燕", "德华", "长根", "凤兰", "思雨", "浩然", "小军", "玉珍", "文明", "春梅", "国庆"];

    private readonly Random random = new(seed);

    /// <summary>The first 17 characters (as a number) of every ID number in use: drawn ones are added.</summary>
    public HashSet<long> Taken { get; } = [];

    public SyntheticHousehold Next()
    {
        var region = Regions[random.Next(Regions.Count)];
        var roll = random.NextDouble();
        var kind = roll switch
        {
            < 0.40 => SyntheticKind.DibaoStable,
            < 0.60 => SyntheticKind.DibaoUnstable,
            < 0.66 => SyntheticKind.TekunCentralized,
            < 0.75 => SyntheticKind.TekunDecentralized,
            _ => SyntheticKind.Marginal,
        };
        var members = kind switch
        {
            SyntheticKind.DibaoStable => StableMembers(region.Code),
            SyntheticKind.DibaoUnstable => UnstableMembers(region.Code),
            SyntheticKind.TekunCentralized or SyntheticKind.TekunDecentralized => [TekunPerson(region.Code)],
            _ => MarginalMembers(region.Code),
        };

        var householdId = Guid.CreateVersion7();
        var approvedOn = today.AddDays(-random.Next(20, 1000));
        var startMonth = new DateOnly(approvedOn.Year, approvedOn.Month, 1).AddMonths(1);
        var (programme, dibaoClass, interval, amount) = kind switch
        {
            SyntheticKind.DibaoStable => (Programme.Dibao, random.Next(2) == 0 ? "A" : "B", (int?)12, Yuan(300, 900) * members.Count),
            SyntheticKind.DibaoUnstable => (Programme.Dibao, "C", (int?)6, Yuan(150, 600) * members.Count),
            SyntheticKind.TekunCentralized or SyntheticKind.TekunDecentralized => (Programme.Tekun, (string?)null, (int?)12, Yuan(1100, 1900)),
            _ => (Programme.DibaoMarginal, (string?)null, (int?)null, 0m),
        };

        // Review dates from three months overdue to one interval ahead: the due-review scan and the benchmark need both.
        DateOnly? nextReview = interval is { } months ? today.AddDays(random.Next(-90, (months * 30) + 1)) : null;
        var careSetting = kind switch
        {
            SyntheticKind.TekunCentralized => CareSetting.Centralized,
            SyntheticKind.TekunDecentralized => CareSetting.Decentralized,
            _ => (CareSetting?)null,
        };
        var enrolment = new SyntheticEnrolment(
            Guid.CreateVersion7(), Guid.CreateVersion7(), programme, programme == Programme.Tekun ? members[0].Id : null, members, amount, dibaoClass,
            interval, nextReview, startMonth, approvedOn, careSetting);

        SyntheticCareAgreement? agreement = null;
        if (kind == SyntheticKind.TekunDecentralized)
        {
            // About one in eight visits overdue (last visit more than the frequency ago).
            var frequency = random.Next(2) == 0 ? 7 : 30;
            var startsOn = approvedOn.AddDays(5);
            DateOnly? lastVisit = random.Next(8) == 0 ? today.AddDays(-(frequency + random.Next(1, 60))) : today.AddDays(-random.Next(0, frequency));
            if (lastVisit < startsOn)
            {
                lastVisit = null;
            }

            agreement = new SyntheticCareAgreement(Guid.CreateVersion7(), enrolment.Id, Name(), frequency, startsOn, lastVisit);
        }

        var rigid = kind == SyntheticKind.Marginal ? Yuan(200, 3000) : kind == SyntheticKind.DibaoUnstable ? Yuan(0, 800) : 0m;
        var address = string.Create(CultureInfo.InvariantCulture, $"{region.Place}合成路{random.Next(1, 999)}号");
        return new SyntheticHousehold(householdId, kind, region.Code, region.Residence, address, Yuan(0, 20000), rigid, members, enrolment, agreement);
    }

    private List<SyntheticMember> StableMembers(string region)
    {
        var count = random.Next(1, 3);
        var list = new List<SyntheticMember>(count);
        for (var i = 0; i < count; i++)
        {
            var disabled = random.Next(3) == 0;
            list.Add(Member(region, i, i == 0 ? Relationship.Head : Relationship.Spouse, Age(62, 92)) with
            {
                LaborCapacity = LaborCapacity.None,
                DisabilityCategory = disabled ? DisabilityCategory.Physical : null,
                DisabilityGrade = disabled ? (short)random.Next(1, 3) : null,
                Incomes = [(IncomeType.ResidentBasicPension, Yuan(150, 260), false)],
            });
        }

        return list;
    }

    private List<SyntheticMember> UnstableMembers(string region)
    {
        // Half of these households have nobody in work although adults of working age can work (the zero-employment alert).
        var nobodyWorks = random.Next(2) == 0;
        var list = new List<SyntheticMember>
        {
            Member(region, 0, Relationship.Head, Age(25, 55)) with
            {
                Employed = !nobodyWorks,
                Incomes = nobodyWorks ? [] : [(IncomeType.Wage, Yuan(600, 1600), true)],
            },
        };
        if (random.Next(3) > 0)
        {
            list.Add(Member(region, 1, Relationship.Spouse, Age(25, 55)) with { Employed = false });
        }

        var children = random.Next(0, 3);
        for (var c = 0; c < children; c++)
        {
            list.Add(Member(region, list.Count, Relationship.Child, Age(6, 16)) with { LaborCapacity = LaborCapacity.None, InSchool = true });
        }

        return list;
    }

    private SyntheticMember TekunPerson(string region)
    {
        var roll = random.Next(20);
        if (roll < 3)
        {
            // Minors (未成年特困): one in three is within three months of 18, the rest younger.
            var birth = random.Next(3) == 0 ? today.AddYears(-18).AddDays(random.Next(1, 90)) : today.AddYears(-random.Next(8, 17)).AddDays(-random.Next(0, 365));
            return Member(region, 0, Relationship.Head, birth) with { LaborCapacity = LaborCapacity.None, InSchool = true };
        }

        if (roll < 8)
        {
            return Member(region, 0, Relationship.Head, Age(30, 59)) with
            {
                LaborCapacity = LaborCapacity.None,
                DisabilityCategory = DisabilityCategory.Intellectual,
                DisabilityGrade = (short)random.Next(1, 3),
                SelfCare = SelfCareLevel.PartialCare,
            };
        }

        return Member(region, 0, Relationship.Head, Age(60, 95)) with
        {
            LaborCapacity = LaborCapacity.None,
            SelfCare = random.Next(5) == 0 ? SelfCareLevel.FullCare : SelfCareLevel.SelfCare,
            Incomes = [(IncomeType.ResidentBasicPension, Yuan(150, 260), false)],
        };
    }

    private List<SyntheticMember> MarginalMembers(string region)
    {
        var list = new List<SyntheticMember>
        {
            Member(region, 0, Relationship.Head, Age(35, 64)) with { Employed = true, Incomes = [(IncomeType.Wage, Yuan(1200, 3500), false)] },
        };
        var others = random.Next(0, 3);
        for (var i = 0; i < others; i++)
        {
            list.Add(Member(region, list.Count, i == 0 ? Relationship.Spouse : Relationship.Parent, Age(30, 85)) with
            {
                LaborCapacity = LaborCapacity.Partial,
                SeriousIllness = random.Next(4) == 0,
            });
        }

        return list;
    }

    private SyntheticMember Member(string region, int position, Relationship relationship, DateOnly birthDate)
    {
        var male = random.Next(2) == 0;
        var idNumber = NewIdNumber(region[..6], ref birthDate, male);
        return new SyntheticMember(
            Guid.CreateVersion7(), position, idNumber, Name(), relationship, birthDate, male ? Sex.Male : Sex.Female, LaborCapacity.Full, null, null, false,
            SelfCareLevel.SelfCare, false, false, []);
    }

    private DateOnly Age(int minYears, int maxYears) => today.AddYears(-random.Next(minYears, maxYears + 1)).AddDays(-random.Next(0, 365));

    private decimal Yuan(int min, int max) => random.Next(min * 100, (max * 100) + 1) / 100m;

    private string Name() => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];

    /// <summary>GB 11643: address code, birth date, sequence (odd male, even female), MOD 11-2 check character.</summary>
    private string NewIdNumber(string addressCode, ref DateOnly birthDate, bool male)
    {
        var sequence = (random.Next(0, 500) * 2) + (male ? 1 : 0);
        for (var attempt = 0; ; attempt++)
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"{addressCode}{birthDate:yyyyMMdd}{sequence:D3}");
            if (Taken.Add(long.Parse(body, CultureInfo.InvariantCulture)))
            {
                var sum = 0;
                for (var i = 0; i < 17; i++)
                {
                    sum += (body[i] - '0') * Weights[i];
                }

                return body + CheckCharacters[sum % 11];
            }

            sequence = (sequence + 2) % 1000;
            if (attempt % 500 == 499)
            {
                birthDate = birthDate.AddDays(1);
            }
        }
    }
}
