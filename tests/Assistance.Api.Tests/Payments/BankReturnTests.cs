namespace Assistance.Api.Tests.Payments;

using System.Net;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Infrastructure.Persistence;
using Npgsql;

/// <summary>R-40: bank return round trip, re-issue of a failed line in a later roll, nothing paid twice (database-enforced), immutable rolls, CSV export.</summary>
public sealed class BankReturnTests : PaymentRollTestBase
{
    private Enrolled tekun = null!;

    [OneTimeSetUp]
    public async Task EnrolAsync()
    {
        tekun = await EnrolAsync(await LoneElderAsync(), "Tekun", "2026-03-02");
        Today("2026-04-03");
    }

    [Test]
    public async Task FailedLine_IsReissuedOnceInTheNextRoll_AndNeverPaidTwice()
    {
        var april = Guid.Parse((string)(await RollAsync("2026-04", "Tekun"))["id"]!);
        var lines = await LinesAsync(april);
        var basic = lines.Single(l => (string?)l["kind"] == "TekunBasic");
        var care = lines.Single(l => (string?)l["kind"] == "TekunCare");
        var file = $"lineId,status,reference,reason\n{basic["id"]},Failed,,\"账户冻结, 待核实\"\n{care["id"]},Paid,BK-7,\n";
        var result = await BankReturnAsync(april, file);
        Assert.That(((int?)result["paid"], (int?)result["failed"], (int?)result["unchanged"]), Is.EqualTo((1, 1, 0)));

        // The same file again changes nothing; a contradicting status is refused and changes nothing.
        result = await BankReturnAsync(april, file);
        Assert.That(((int?)result["paid"], (int?)result["failed"], (int?)result["unchanged"]), Is.EqualTo((0, 0, 2)));
        var flip = await Payments().PostJsonAsync($"/api/v1/payment-rolls/{april}/bank-returns", new { csv = $"lineId,status,reference,reason\n{basic["id"]},Paid,BK-8," }, Guid.NewGuid().ToString());
        await flip.ProblemAsync(HttpStatusCode.Conflict, "payment-roll.line-status-final");
        var failed = (await LinesAsync(april, "&status=Failed")).Single();
        Assert.That((string?)failed["statusReason"], Is.EqualTo("账户冻结, 待核实"));

        // May re-issues the failed April basic amount, referencing it.
        Today("2026-05-03");
        var may = await RollAsync("2026-05", "Tekun");
        var mayId = Guid.Parse((string)may["id"]!);
        var mayLines = await LinesAsync(mayId);
        var reissue = mayLines.Single(l => l["reissueOf"] is not null);
        Assert.Multiple(() =>
        {
            Assert.That((string?)reissue["reissueOf"], Is.EqualTo((string?)basic["id"]));
            Assert.That((string?)reissue["period"], Is.EqualTo("2026-04"));
            Assert.That((string?)reissue["kind"], Is.EqualTo("TekunBasic"));
            Assert.That((decimal)reissue["amount"]!, Is.EqualTo((decimal)basic["amount"]!));
            Assert.That(mayLines.Count(l => (string?)l["period"] == "2026-05"), Is.EqualTo(2));
            Assert.That((decimal)may["totalAmount"]!, Is.EqualTo(tekun.MonthlyAmount + (decimal)basic["amount"]!));
            Assert.That((decimal)may["totals"]!.AsArray().Single(t => (string?)t!["kind"] == "ReIssue")!["amount"]!, Is.EqualTo((decimal)basic["amount"]!));
        });
        await BankReturnAsync(mayId, $"lineId,status,reference,reason\n{reissue["id"]},Paid,BK-9,");

        // Later rolls and a regeneration of May do not pay April again.
        Today("2026-06-03");
        var june = await LinesAsync(Guid.Parse((string)(await RollAsync("2026-06", "Tekun"))["id"]!));
        Assert.That(june.Where(l => (string?)l["period"] != "2026-06"), Is.Empty);
        var regenerated = await Payments().PostJsonAsync($"/api/v1/payment-rolls/{mayId}/regenerations", new { reason = "核对" }, Guid.NewGuid().ToString());
        var v2Lines = await LinesAsync(Guid.Parse((string)(await regenerated.JsonAsync())["id"]!));
        Assert.That(v2Lines.Where(l => (string?)l["period"] == "2026-04"), Is.Empty, "the paid re-issue stays in version 1");

        // The database itself refuses a second live line for (enrolment, kind, period).
        var duplicate = Assert.ThrowsAsync<PostgresException>(async () => await ScalarAsync(
            """
            INSERT INTO payment_roll_lines (id, roll_id, region_code, kind, enrolment_id, household_id, application_id, period, amount)
            SELECT gen_random_uuid(), roll_id, region_code, kind, enrolment_id, household_id, application_id, period, amount FROM payment_roll_lines WHERE id = $1
            RETURNING 1
            """, Guid.Parse((string)reissue["id"]!)));
        Assert.That(duplicate!.SqlState, Is.EqualTo(PostgresErrorCodes.UniqueViolation));
    }

    [Test]
    public async Task GeneratedRoll_IsImmutable_ForTheOwnerByTrigger_AndForTheApiRoleByGrant()
    {
        var roll = Guid.Parse((string)(await RollAsync("2026-04", "Tekun"))["id"]!);
        var line = (await LinesAsync(roll)).First();
        var byTrigger = Assert.ThrowsAsync<PostgresException>(async () =>
            await ScalarAsync("UPDATE payment_roll_lines SET amount = amount + 1 WHERE id = $1 RETURNING 1", Guid.Parse((string)line["id"]!)));
        Assert.That(byTrigger!.MessageText, Does.Contain("immutable"));
        var totals = Assert.ThrowsAsync<PostgresException>(async () =>
            await ScalarAsync("UPDATE payment_roll_totals SET amount = 0 WHERE roll_id = $1 RETURNING 1", roll));
        Assert.That(totals!.MessageText, Does.Contain("immutable"));

        var app = new NpgsqlConnectionStringBuilder(Factory.ConnectionString) { Username = DatabaseSettings.DefaultAppRole, Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(app);
        await connection.OpenAsync();
        await using (var scope = new NpgsqlCommand("SELECT set_config('assistance.region_prefix', '*', false)", connection))
        {
            await scope.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("UPDATE payment_roll_lines SET amount = 1 WHERE id = $1", connection);
        command.Parameters.AddWithValue(Guid.Parse((string)line["id"]!));
        var byGrant = Assert.ThrowsAsync<PostgresException>(async () => await command.ExecuteNonQueryAsync());
        Assert.That(byGrant!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege));
        var after = (await LinesAsync(roll)).First(l => (string?)l["id"] == (string?)line["id"]);
        Assert.That((decimal)after["amount"]!, Is.EqualTo((decimal)line["amount"]!));
    }

    [Test]
    public async Task CsvExport_HasTheHeaderAndOneRowPerLine_IdNumbersMaskedWithoutPiiRead()
    {
        var roll = Guid.Parse((string)(await RollAsync("2026-04", "Tekun"))["id"]!);
        var lines = await LinesAsync(roll);
        var idNumber = (string)tekun.Body["covered"]![0]!["idNumber"]!;

        var masked = await Payments(pii: false).GetAsync(new Uri($"/api/v1/payment-rolls/{roll}/export.csv", UriKind.Relative));
        var text = await masked.Content.ReadAsStringAsync();
        Assert.That(masked.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(masked.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(masked.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"));
            Assert.That(rows[0], Is.EqualTo("lineId,kind,period,enrolmentId,householdId,payeeName,payeeIdNumber,amount,reissueOf,status,deduction,netAmount"));
            Assert.That(rows, Has.Length.EqualTo(lines.Count + 1));
            Assert.That(text, Does.Not.Contain(idNumber));
            Assert.That(text, Does.Contain(idNumber[..6] + "********" + idNumber[14..]));
            Assert.That(text, Does.Contain("李老"), "UTF-8 names");
            Assert.That(rows.Skip(1).Select(r => r.Split(',')[0]), Is.EquivalentTo(lines.Select(l => (string?)l["id"])));
        });

        var clear = await (await Payments(pii: true).GetAsync(new Uri($"/api/v1/payment-rolls/{roll}/export.csv", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.That(clear, Does.Contain(idNumber));
    }
}
