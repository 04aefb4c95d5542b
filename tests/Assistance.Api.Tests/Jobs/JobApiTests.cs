namespace Assistance.Api.Tests.Jobs;

using System.Net;
using Assistance.Api.Tests.Infrastructure;
using Dapper;
using Npgsql;

/// <summary>GET /jobs and POST /jobs/{name}/runs with the scheduler off (jobs run on demand): runs are idempotent per period.</summary>
public sealed class JobApiTests : ApiTestBase
{
    [Test]
    public async Task Jobs_AreListedWithScheduleAndPeriod_AndTheLastRunAppearsAfterARun()
    {
        var ops = Factory.ClientWith("000000", "ops.read", "ops.run");
        var before = await (await ops.GetAsync(new Uri("/api/v1/jobs", UriKind.Relative))).JsonAsync();
        var jobs = before["items"]!.AsArray().ToDictionary(j => (string)j!["name"]!, j => j!);
        Assert.Multiple(() =>
        {
            Assert.That(jobs.Keys, Is.EquivalentTo(new[] { "idempotency-purge", "alert-rules", "due-review-scan", "medical-insurance-feed", "gradual-exit-ends", "tekun-minor-age-limit", "payment-rolls" }));
            Assert.That((string?)jobs["alert-rules"]["schedule"], Is.EqualTo("0 30 2 * * ?"));
            Assert.That((string?)jobs["alert-rules"]["period"], Is.EqualTo("day"));
            Assert.That((string?)jobs["medical-insurance-feed"]["period"], Is.EqualTo("month"));
            Assert.That((string?)jobs["idempotency-purge"]["period"], Is.EqualTo("hour"));
            Assert.That(jobs.Values.Select(j => j["nextFireTime"]), Is.All.Null, "the scheduler is off in these tests");
            Assert.That(jobs["medical-insurance-feed"]["lastRun"], Is.Null, "never run in this database");
        });

        var run = await ops.PostJsonAsync("/api/v1/jobs/due-review-scan/runs", new { period = "2026-10-30" });
        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK), await run.Content.ReadAsStringAsync());
        var after = await (await ops.GetAsync(new Uri("/api/v1/jobs", UriKind.Relative))).JsonAsync();
        var last = after["items"]!.AsArray().Single(j => (string?)j!["name"] == "due-review-scan")!["lastRun"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)last["period"], Is.EqualTo("2026-10-30"));
            Assert.That((string?)last["outcome"], Is.EqualTo("Succeeded"));
            Assert.That((string?)last["trigger"], Is.EqualTo("OnDemand"));
            Assert.That((string?)last["requestedBy"], Is.EqualTo("tester"));
            Assert.That(last["finishedAt"], Is.Not.Null);
            Assert.That(last["counts"]!["raised"], Is.Not.Null);
        });
    }

    [Test]
    public async Task ASecondRunOfTheSamePeriod_IsANoOpRecordedAsSkipped_AndTheCurrentPeriodIsTheDefault()
    {
        var stale = Factory.Clock.GetUtcNow() - TimeSpan.FromHours(25);
        await using (var connection = new NpgsqlConnection(Factory.ConnectionString))
        {
            await connection.ExecuteAsync(
                """
                SET assistance.region_prefix = '*';
                INSERT INTO idempotency_keys (scope, key, request_hash, response, created_at, region_prefix)
                VALUES ('s', 'a', 'h', '{}', @stale, '*'), ('s', 'b', 'h', '{}', @stale, '*'), ('s', 'c', 'h', '{}', now(), '*')
                """,
                new { stale });
        }

        // The test clock stands at 2026-11-02 09:00 Beijing time: the current hour is the default period.
        var first = await EarlyWarning.EarlyWarningCases.RunJobAsync(Factory, "idempotency-purge", "2026-11-02T09");
        var client = Factory.ClientWith("000000", "ops.run");
        var again = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/jobs/idempotency-purge/runs", null);
        var second = await again.JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That((string?)first["outcome"], Is.EqualTo("Succeeded"));
            Assert.That((long?)first["counts"]!["deleted"], Is.EqualTo(2));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), second.ToJsonString());
            Assert.That((string?)second["period"], Is.EqualTo("2026-11-02T09"));
            Assert.That((string?)second["outcome"], Is.EqualTo("Skipped"));
            Assert.That((string?)second["sameAsRun"], Is.EqualTo((string?)first["id"]));
            Assert.That((string?)second["detail"], Does.Contain("already run"));
        });

        await using var check = new NpgsqlConnection(Factory.ConnectionString);
        var rows = (await check.QueryAsync<(string Outcome, long Count)>(
            "SELECT outcome, count(*) FROM job_runs WHERE job = 'idempotency-purge' AND period = '2026-11-02T09' GROUP BY outcome ORDER BY outcome")).ToList();
        Assert.That(rows, Is.EqualTo(new[] { ("Skipped", 1L), ("Succeeded", 1L) }), "one run did the work, the other is a recorded no-op");
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT count(*) FROM idempotency_keys"), Is.EqualTo(1), "the no-op deleted nothing more");
    }

    [Test]
    public async Task BadRequests_AreProblems()
    {
        var ops = Factory.ClientWith("000000", "ops.run");
        await (await ops.PostJsonAsync("/api/v1/jobs/no-such-job/runs", new { period = "2026-10-30" })).ProblemAsync(HttpStatusCode.NotFound, "job.not-found");
        await (await ops.PostJsonAsync("/api/v1/jobs/alert-rules/runs", new { period = "2026-10" })).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await ops.PostJsonAsync("/api/v1/jobs/medical-insurance-feed/runs", new { period = "2026-13" })).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await Factory.ClientWith("000000", "ops.read").PostJsonAsync("/api/v1/jobs/alert-rules/runs", new { period = "2026-10-30" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await Factory.ClientWith("000000", "ops.run").GetAsync(new Uri("/api/v1/jobs", UriKind.Relative))).ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        await using var check = new NpgsqlConnection(Factory.ConnectionString);
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT count(*) FROM job_runs WHERE period IN ('2026-10', '2026-13')"), Is.Zero, "nothing recorded");
    }
}
