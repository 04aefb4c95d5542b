namespace Assistance.Api.Tests.Policy;

using Assistance.Api.Tests.Infrastructure;
using Assistance.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// A database whose national pack was loaded by an earlier release: a later release adds a parameter to the pack
/// (payments.overpaymentHandling came with payment rolls). Restarting on the new release loads the values of that
/// parameter and leaves every value the store already held alone (history is never rewritten by a pack file).
/// Found on a benchmark database migrated from the earlier release: every roll answered 422 policy.parameter-not-in-force.
/// </summary>
public sealed class PolicyPackUpgradeTests : ApiTestBase
{
    private const string NationalPack = "000000-national.json";

    [Test]
    public async Task ChangedPack_LoadsParametersTheStoreNeverHeld_AndKeepsTheValuesItHeld()
    {
        // The store as an earlier release left it: no overpayment-handling value, another pack hash, and one value a
        // caseworker-era correction changed (here: the review interval's source text, to see it survive).
        await ExecuteAsync(
            "DELETE FROM parameter_values WHERE key = 'payments.overpaymentHandling'",
            "UPDATE policy_pack_loads SET sha256 = 'EARLIER-RELEASE' WHERE file_name = '" + NationalPack + "'",
            "UPDATE parameter_values SET source = 'kept by the store' WHERE key = 'alerts.tekunMinorLeadMonths' AND region_code = '000000'");
        var before = await OwnerScalarAsync<long>("SELECT count(*) FROM parameter_values");

        var seeder = Factory.Services.GetServices<IStartupSeeder>().OfType<PolicyPackSeeder>().Single();
        await seeder.SeedAsync(CancellationToken.None);

        Assert.That(await OwnerScalarAsync<string>("SELECT value #>> '{}' FROM parameter_values WHERE key = 'payments.overpaymentHandling' AND region_code = '000000'"), Is.EqualTo("Recover"));
        Assert.That(await OwnerScalarAsync<long>("SELECT count(*) FROM parameter_values"), Is.EqualTo(before + 1), "only the missing parameter's value is added");
        Assert.That(await OwnerScalarAsync<string>("SELECT source FROM parameter_values WHERE key = 'alerts.tekunMinorLeadMonths' AND region_code = '000000'"), Is.EqualTo("kept by the store"));
        Assert.That(await OwnerScalarAsync<string>("SELECT sha256 FROM policy_pack_loads WHERE file_name = '" + NationalPack + "'"), Is.Not.EqualTo("EARLIER-RELEASE"));

        // Idempotent: a second start adds nothing.
        await seeder.SeedAsync(CancellationToken.None);
        Assert.That(await OwnerScalarAsync<long>("SELECT count(*) FROM parameter_values"), Is.EqualTo(before + 1));

        // And the rule that needs it answers through the API again (the parameter's effective value).
        var response = await Admin().GetAsync("/api/v1/policy/parameters/payments.overpaymentHandling?regionCode=320682");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        Assert.That(body, Does.Contain("Recover"));
    }

    private async Task ExecuteAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
