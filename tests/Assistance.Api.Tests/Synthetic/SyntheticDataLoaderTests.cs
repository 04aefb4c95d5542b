namespace Assistance.Api.Tests.Synthetic;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Infrastructure.Synthetic;
using Dapper;
using Npgsql;

/// <summary>The synthetic-data loader writes rows the API reads like its own (binary COPY, same columns and JSON).</summary>
public sealed class SyntheticDataLoaderTests : ApiTestBase
{
    private static readonly DateOnly Today = new(2026, 11, 2);
    private SyntheticLoadSummary summary = null!;

    [OneTimeSetUp]
    public async Task LoadAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(Factory.ConnectionString);
        summary = await new SyntheticDataLoader(dataSource, Factory.Clock).LoadAsync(200, seed: 7, Today, CancellationToken.None, batchSize: 64);
    }

    [Test]
    public async Task TwoHundredHouseholds_AreListedThroughTheApiWithTheirEnrolments()
    {
        var admin = Factory.ClientWith("000000", "cases.read", "registry.read", "pii.read");
        var enrolments = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var response = await admin.GetAsync(new Uri("/api/v1/enrolments?limit=200" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)), UriKind.Relative));
            var page = await response.JsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page.ToJsonString());
            enrolments.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Households, Is.EqualTo(200));
            Assert.That(enrolments, Has.Count.EqualTo(200));
            Assert.That(enrolments.Select(e => (string?)e["status"]), Is.All.EqualTo("Active"));
            Assert.That(enrolments.Select(e => (string?)e["programme"]).Distinct(), Is.EquivalentTo(new[] { "Dibao", "Tekun", "DibaoMarginal" }));
            Assert.That(enrolments.Select(e => ((string)e["regionCode"]!)[..6]).Distinct().Count(), Is.GreaterThanOrEqualTo(4), "spread over several counties");
            Assert.That(enrolments.Where(e => (string?)e["programme"] == "Tekun").Select(e => (string?)e["careSetting"]).Distinct(), Is.EquivalentTo(new[] { "Centralized", "Decentralized" }));
            Assert.That(enrolments.Where(e => (string?)e["programme"] == "Dibao").Select(e => (int?)e["reviewIntervalMonths"]).Distinct(), Is.EquivalentTo(new int?[] { 6, 12 }));
        });

        // One county's scope sees only its own subtree.
        var county = await (await Factory.ClientWith("320682", "cases.read").GetAsync(new Uri("/api/v1/enrolments?limit=200", UriKind.Relative))).JsonAsync();
        var expected = enrolments.Count(e => ((string)e["regionCode"]!).StartsWith("320682", StringComparison.Ordinal));
        Assert.That(county["items"]!.AsArray(), Has.Count.EqualTo(expected).And.Count.GreaterThan(0));
    }

    [Test]
    public async Task AHousehold_ReadsBackWithMembersIncomesAndValidIdNumbers()
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        var (householdId, members) = await connection.QuerySingleAsync<(Guid, long)>(
            """
            SELECT h.id, count(m.id) FROM households h JOIN household_members m ON m.household_id = h.id
            GROUP BY h.id HAVING count(m.id) >= 3 ORDER BY h.id LIMIT 1
            """);
        var response = await Factory.ClientWith("000000", "registry.read", "pii.read").GetAsync(new Uri($"/api/v1/households/{householdId}", UriKind.Relative));
        var household = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), household.ToJsonString());
        var ids = household["members"]!.AsArray().Select(m => (string)m!["idNumber"]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.Count.EqualTo(members));
            Assert.That(ids.Select(i => Domain.Households.NationalId.TryParse(i, out _)), Is.All.True, "check characters are valid");
            Assert.That((long?)household["version"], Is.EqualTo(1));
        });

        var enrolment = await connection.QuerySingleAsync<Guid>("SELECT id FROM enrolments WHERE household_id = @householdId", new { householdId });
        var one = await Factory.ClientWith("000000", "cases.read").GetAsync(new Uri($"/api/v1/enrolments/{enrolment}", UriKind.Relative));
        var body = await one.JsonAsync();
        Assert.That(one.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That((string?)body["householdId"], Is.EqualTo(householdId.ToString()));
    }

    [Test]
    public async Task TheMix_HasOverdueReviewsUnemployedWorkingAgeTekunMinorsNearTheLimitAndOverdueVisits()
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        var counts = await connection.QuerySingleAsync<(long Overdue, long Ahead, long Unemployed, long Minors, long Visits, long Agreements)>(
            """
            SELECT (SELECT count(*) FROM enrolments WHERE next_review_on < @today),
                   (SELECT count(*) FROM enrolments WHERE next_review_on >= @today),
                   (SELECT count(*) FROM household_members WHERE NOT employed AND labor_capacity = 'Full' AND birth_date <= @today - interval '25 years'),
                   (SELECT count(*) FROM enrolments e JOIN household_members m ON m.id = e.person_member_id
                     WHERE e.programme = 'Tekun' AND m.birth_date > @today - interval '18 years'),
                   (SELECT count(*) FROM care_agreements WHERE coalesce(last_visit_on, starts_on) + visit_frequency_days < @today),
                   (SELECT count(*) FROM care_agreements)
            """,
            new { today = Today });
        Assert.Multiple(() =>
        {
            Assert.That(counts.Overdue, Is.GreaterThan(0));
            Assert.That(counts.Ahead, Is.GreaterThan(counts.Overdue));
            Assert.That(counts.Unemployed, Is.GreaterThan(0));
            Assert.That(counts.Minors, Is.GreaterThan(0));
            Assert.That(counts.Agreements, Is.EqualTo(summary.CareAgreements).And.GreaterThan(0));
            Assert.That(counts.Visits, Is.LessThan(counts.Agreements));
        });
    }
}
