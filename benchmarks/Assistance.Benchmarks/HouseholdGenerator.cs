namespace Assistance.Benchmarks;

using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>Reproducible mixed households (same recipe as the domain property tests).</summary>
internal static class HouseholdGenerator
{
    private static readonly string[] Regions = ["320682", "320400", "610000", "340300", "230000"];

    public static AssessmentInput Next(Random random)
    {
        var region = Regions[random.Next(Regions.Length)];
        var asOf = new DateOnly(2019, 1, 1).AddDays(random.Next(0, 8 * 365));
        var size = random.Next(1, 6);
        var members = new MemberInput[size];
        for (var i = 0; i < size; i++)
        {
            members[i] = NextMember(random, asOf);
        }

        return new AssessmentInput
        {
            Region = RegionCode.Parse(region),
            AsOf = asOf,
            Residence = random.Next(2) == 0 ? ResidenceType.Urban : ResidenceType.Rural,
            Members = members,
            Assets = new HouseholdAssets(Money(random, random.Next(3) == 0 ? 200_000 : 20_000), random.Next(8) == 0 ? 1 : 0),
            MonthlyRigidExpenditure = random.Next(3) == 0 ? Money(random, 3_000) : 0m,
        };
    }

    private static MemberInput NextMember(Random random, DateOnly asOf)
    {
        var age = random.Next(0, 95);
        var incomes = new List<IncomeItem>();
        var incomeCount = random.Next(0, 3);
        for (var j = 0; j < incomeCount; j++)
        {
            incomes.Add(new IncomeItem((IncomeType)random.Next(9), Money(random, 2_500), random.Next(5) == 0));
        }

        return new MemberInput
        {
            BirthDate = asOf.AddYears(-age).AddDays(-random.Next(0, 365)),
            Status = random.Next(10) == 0 ? (MemberStatus)random.Next(6) : MemberStatus.Present,
            LaborCapacity = (LaborCapacity)random.Next(3),
            Disability = random.Next(4) == 0 ? new Disability((DisabilityCategory)random.Next(7), random.Next(1, 5)) : null,
            SeriousIllness = random.Next(10) == 0,
            SelfCare = (SelfCareLevel)random.Next(3),
            InSchool = age is >= 6 and <= 22 && random.Next(2) == 0,
            Employed = incomes.Exists(x => x.Type == IncomeType.Wage),
            HasCapableSupporter = random.Next(3) == 0,
            Incomes = incomes,
        };
    }

    private static decimal Money(Random random, int max) => random.Next(0, max * 100) / 100m;
}
