namespace Assistance.Api.Tests.Payments;

using System.Net;
using Assistance.Api.Background;
using Assistance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// R-40: a 202 roll generation left Queued (or Running) by a process that stopped is resumed by the next host that starts
/// on the database, and two hosts starting together generate the roll once.
/// </summary>
public sealed class RollOperationRecoveryTests : PaymentRollTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private Enrolled family = null!;

    [OneTimeSetUp]
    public async Task EnrolAsync()
    {
        family = await EnrolAsync(await PoorFamilyAsync(), "Dibao", "2026-03-02");
        Today("2026-04-02");
    }

    [Test]
    public async Task OperationsLeftQueuedOrRunning_AreCompletedByTheNextHost_WithTheirRolls()
    {
        // As the endpoint writes it before answering 202, and as a process that died after claiming it would leave it.
        var queued = await InsertOperationAsync("2026-04-01", "Queued");
        var running = await InsertOperationAsync("2026-05-01", "Running");
        Assert.That(await ScalarAsync("SELECT count(*) FROM payment_rolls"), Is.EqualTo(0));

        await using var restarted = new ApiFactory(Factory.ConnectionString);
        _ = restarted.Server;
        var runner = restarted.Services.GetRequiredService<PaymentRollOperationRunner>();
        await runner.Completion(queued).WaitAsync(Patience);
        await runner.Completion(running).WaitAsync(Patience);

        foreach (var (operation, month) in new[] { (queued, "2026-04"), (running, "2026-05") })
        {
            var done = await (await Payments().GetAsync(new Uri($"/api/v1/payment-roll-operations/{operation}", UriKind.Relative))).JsonAsync();
            Assert.That((string?)done["status"], Is.EqualTo("Succeeded"), done.ToJsonString());
            var roll = await (await Payments().GetAsync(new Uri($"/api/v1/payment-rolls/{(string)done["rollId"]!}", UriKind.Relative))).JsonAsync();
            Assert.Multiple(() =>
            {
                Assert.That((string?)roll["month"], Is.EqualTo(month));
                Assert.That((decimal)roll["totalAmount"]!, Is.EqualTo(family.MonthlyAmount));
                Assert.That((string?)roll["generatedBy"], Is.EqualTo("county-payments"), "generated as the requester");
            });
        }

        Assert.That(await ScalarAsync("SELECT count(*) FROM payment_rolls WHERE month IN ('2026-04-01', '2026-05-01')"), Is.EqualTo(2));

        // The roll now exists: a request for it finds it rather than making another.
        var again = await GenerateAsync("2026-04", "Dibao");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task TwoHostsStartingTogether_RunAQueuedOperationOnce_OneRoll()
    {
        var queued = await InsertOperationAsync("2026-06-01", "Queued");
        var first = new ApiFactory(Factory.ConnectionString);
        var second = new ApiFactory(Factory.ConnectionString);
        try
        {
            await Task.WhenAll(Task.Run(() => _ = first.Server), Task.Run(() => _ = second.Server));
            await Task.WhenAll(
                first.Services.GetRequiredService<PaymentRollOperationRunner>().Completion(queued).WaitAsync(Patience),
                second.Services.GetRequiredService<PaymentRollOperationRunner>().Completion(queued).WaitAsync(Patience));

            Assert.Multiple(async () =>
            {
                Assert.That(await ScalarAsync("SELECT count(*) FROM payment_rolls WHERE month = '2026-06-01' AND programme = 'Dibao'"), Is.EqualTo(1));
                Assert.That(await ScalarAsync("SELECT count(*) FROM payment_roll_lines l JOIN payment_rolls r ON r.id = l.roll_id WHERE r.month = '2026-06-01'"), Is.EqualTo(1));
                Assert.That(await ScalarAsync("SELECT count(*) FROM payment_roll_operations WHERE id = $1 AND status = 'Succeeded' AND roll_id IS NOT NULL", queued), Is.EqualTo(1));
            });
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }

    private async Task<Guid> InsertOperationAsync(string month, string status)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('assistance.region_prefix', '*', false)", connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO payment_roll_operations (id, region_code, month, programme, status, requested_by, scope_region, created_at)
            VALUES ($1, '320682', $2::date, 'Dibao', $3, 'county-payments', '320682', now())
            """, connection);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(month);
        command.Parameters.AddWithValue(status);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
