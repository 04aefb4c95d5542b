namespace Assistance.Infrastructure.Households;

using System.Globalization;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;
using Npgsql;

/// <summary>
/// Demo households for local use (Database:LoadDemoData): a few realistic families in 如皋 (320682 and its
/// streets) and the other seed regions, inserted only while the register is empty. ID numbers are generated with
/// valid check characters; they belong to nobody.
/// </summary>
public sealed class DemoHouseholdSeeder([Microsoft.Extensions.DependencyInjection.FromKeyedServices(DatabaseSettings.SystemKey)] NpgsqlDataSource dataSource, TimeProvider clock) : IStartupSeeder
{
    public bool IsDemoData => true;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Replicas starting together: one seeds, the others then find households and stop.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended('demo-households', 0))", transaction: transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var any = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM households)", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (any)
        {
            return;
        }

        foreach (var household in Households(clock.GetUtcNow().ToUniversalTime()))
        {
            await HouseholdSql.InsertHouseholdAsync(connection, transaction, household, cancellationToken).ConfigureAwait(false);
            await HouseholdSql.WriteMembersAsync(connection, transaction, household, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The demo households (public for tests).</summary>
    public static IReadOnlyList<Household> Households(DateTimeOffset now)
    {
        var sequence = 100;
        MemberDetails Person(string county, string birth, bool male, string name, Relationship relationship) =>
            new(Id(county, birth, sequence++, male), name, relationship, MemberStatus.Present, LaborCapacity.Full, null, false,
                SelfCareLevel.SelfCare, false, false, false, []);

        Household Make(string region, ResidenceType residence, string address, decimal financial, decimal rigid, params MemberDetails[] members) =>
            Household.Register(Guid.CreateVersion7(), RegionCode.Parse(region), residence, address, new AssetHoldings(financial, 0), rigid,
                members.Select(m => (Guid.CreateVersion7(), m)), now);

        return
        [
            // An elderly widower living alone with a disability: a typical tekun (特困) case.
            Make("320682001", ResidenceType.Urban, "如皋市如城街道福寿路18号", 3000.00m, 0m,
                Person("320682", "19460312", true, "顾德华", Relationship.Head) with
                {
                    LaborCapacity = LaborCapacity.None,
                    Disability = new Disability(DisabilityCategory.Physical, 2),
                    SelfCare = SelfCareLevel.PartialCare,
                    Incomes = [new IncomeItem(IncomeType.ResidentBasicPension, 200.00m, false)],
                }),

            // A couple with a seriously ill husband and a child in school: a typical dibao (低保) family.
            Make("320682002", ResidenceType.Urban, "如皋市城北街道海阳路66号3幢201室", 8000.00m, 1500.00m,
                Person("320682", "19780904", true, "冒建国", Relationship.Head) with
                {
                    LaborCapacity = LaborCapacity.Partial,
                    SeriousIllness = true,
                },
                Person("320682", "19810215", false, "陈秀梅", Relationship.Spouse) with
                {
                    Employed = true,
                    Incomes = [new IncomeItem(IncomeType.Wage, 1800.00m, true)],
                },
                Person("320682", "20100621", false, "冒思雨", Relationship.Child) with { LaborCapacity = LaborCapacity.None, InSchool = true }),

            // A rural household with an intellectually disabled adult son.
            Make("320682100", ResidenceType.Rural, "如皋市长江镇永平村12组8号", 12000.00m, 300.00m,
                Person("320682", "19580730", true, "吴长根", Relationship.Head) with
                {
                    Incomes = [new IncomeItem(IncomeType.Business, 900.00m, true), new IncomeItem(IncomeType.ResidentBasicPension, 180.00m, false)],
                },
                Person("320682", "19600102", false, "朱桂英", Relationship.Spouse),
                Person("320682", "19880519", true, "吴小军", Relationship.Child) with
                {
                    LaborCapacity = LaborCapacity.None,
                    Disability = new Disability(DisabilityCategory.Intellectual, 2),
                    SelfCare = SelfCareLevel.PartialCare,
                    HasCapableSupporter = true,
                }),

            // Changzhou 天宁区: a single mother, unemployed, two children.
            Make("320402", ResidenceType.Urban, "常州市天宁区青龙街道龙锦路9号", 2000.00m, 0m,
                Person("320402", "19870311", false, "蒋丽娟", Relationship.Head) with
                {
                    Incomes = [new IncomeItem(IncomeType.Transfer, 600.00m, true)],
                },
                Person("320402", "20130808", true, "蒋浩然", Relationship.Child) with { LaborCapacity = LaborCapacity.None, InSchool = true },
                Person("320402", "20160120", false, "蒋悦", Relationship.Child) with { LaborCapacity = LaborCapacity.None, InSchool = true }),

            // Bengbu 龙子湖区: an elderly couple, the wife fully dependent on care.
            Make("340302", ResidenceType.Urban, "蚌埠市龙子湖区东海大道1号", 5000.00m, 800.00m,
                Person("340302", "19430925", true, "王守成", Relationship.Head) with
                {
                    LaborCapacity = LaborCapacity.None,
                    Incomes = [new IncomeItem(IncomeType.OldAgeAllowance, 100.00m, false)],
                },
                Person("340302", "19450417", false, "李凤兰", Relationship.Spouse) with
                {
                    LaborCapacity = LaborCapacity.None,
                    SelfCare = SelfCareLevel.FullCare,
                }),

            // Xi'an: a young man released from prison living with his mother.
            Make("610100", ResidenceType.Urban, "西安市新城区解放路100号", 1000.00m, 0m,
                Person("610102", "19650610", false, "张淑芳", Relationship.Head) with
                {
                    Incomes = [new IncomeItem(IncomeType.Wage, 1200.00m, false)],
                },
                Person("610102", "19920303", true, "张伟", Relationship.Child) with { Status = MemberStatus.Imprisoned }),

            // Harbin: a rural family whose grandmother raises an orphaned grandchild.
            Make("230100", ResidenceType.Rural, "哈尔滨市呼兰区康金街道新民村", 0m, 0m,
                Person("230111", "19550814", false, "刘玉珍", Relationship.Head) with { LaborCapacity = LaborCapacity.Partial },
                Person("230111", "20120501", true, "刘子航", Relationship.Grandchild) with { LaborCapacity = LaborCapacity.None, InSchool = true }),

            // 五指山 (a county directly under Hainan province).
            Make("469001", ResidenceType.Rural, "五指山市水满乡方龙村", 500.00m, 0m,
                Person("469001", "19700101", true, "王文福", Relationship.Head) with
                {
                    Disability = new Disability(DisabilityCategory.Visual, 1),
                    LaborCapacity = LaborCapacity.None,
                }),
        ];
    }

    /// <summary>A valid ID number: address code, birth date, a three-digit sequence of the right parity, check character.</summary>
    public static NationalId Id(string addressCode, string birthDate, int sequence, bool male)
    {
        ArgumentNullException.ThrowIfNull(addressCode);
        var seq = sequence % 1000;
        if ((seq % 2 == 1) != male)
        {
            seq = (seq + 1) % 1000;
        }

        var first17 = addressCode + birthDate + seq.ToString("D3", CultureInfo.InvariantCulture);
        return NationalId.Parse(first17 + NationalId.CheckCharacterFor(first17));
    }
}
