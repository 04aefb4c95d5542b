namespace Assistance.Api.Tests.Jobs;

using System.Diagnostics;
using System.Net;
using Assistance.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// The clustered scheduler for real: two API hosts (two Quartz instances, one process) on one database fire a job
/// scheduled every second. Each fire time runs on one node only, the job's period runs once (later fires in the
/// same hour are recorded no-ops), and the schedule outlives both hosts. The only test that lets Quartz fire on the
/// wall clock: it waits for fires to be recorded (bounded), it does not time anything.
/// </summary>
public sealed class SchedulerClusterTests
{
    private static Dictionary<string, string?> Node(string id) => new()
    {
        ["Scheduler:Enabled"] = "true",
        ["Scheduler:InstanceId"] = id,
        ["Scheduler:CheckinIntervalSeconds"] = "2",
        ["Scheduler:Jobs:idempotency-purge:Schedule"] = "* * * * * ?",
    };

    [Test]
    public async Task TwoSchedulersOnOneDatabase_FireEachTriggerOnce_AndRunThePeriodOnce()
    {
        var connectionString = await TestDatabase.CreateAsync();
        List<(string RequestedBy, string Outcome, string Instance, string Period)> runs;
        // These hosts keep the system clock (Quartz takes the application's): the only tests where jobs fire by themselves.
        static void SystemClock(IServiceCollection services) => services.AddSingleton(TimeProvider.System);
        await using (var a = new ApiFactory(connectionString, Node("node-a"), SystemClock))
        await using (var b = new ApiFactory(connectionString, Node("node-b"), SystemClock))
        {
            _ = a.Server;
            _ = b.Server;
            runs = await WaitForRunsAsync(connectionString, 6);

            var jobs = await (await a.ClientWith("000000", "ops.read").GetAsync(new Uri("/api/v1/jobs", UriKind.Relative))).JsonAsync();
            var purge = jobs["items"]!.AsArray().Single(j => (string?)j!["name"] == "idempotency-purge")!;
            Assert.That(purge["nextFireTime"], Is.Not.Null, "the replica's scheduler knows the next fire time");
        }

        // A fire time is claimed by one node (requested_by carries it): none ran twice, and per hour one run did the work.
        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => r.RequestedBy).Distinct().Count(), Is.EqualTo(runs.Count), string.Join("\n", runs));
            foreach (var period in runs.Select(r => r.Period).Distinct())
            {
                Assert.That(runs.Count(r => r.Period == period && r.Outcome == "Succeeded"), Is.EqualTo(1), period);
            }

            Assert.That(runs.Where(r => r.Outcome != "Succeeded").Select(r => r.Outcome), Is.All.EqualTo("Skipped"));
            Assert.That(runs.Select(r => r.Instance).Distinct(), Is.SubsetOf(new[] { "node-a", "node-b" }));
        });

        // Both hosts are gone; the clustered store still holds the schedule for the next replica that starts.
        await using var connection = new NpgsqlConnection(connectionString);
        var triggers = (await connection.QueryAsync<string>(
            "SELECT trigger_name FROM qrtz_triggers WHERE sched_name = 'assistance' ORDER BY trigger_name")).ToList();
        Assert.That(triggers, Is.EqualTo(new[] { "alert-rules.schedule", "due-review-scan.schedule", "gradual-exit-ends.schedule", "idempotency-purge.schedule", "medical-insurance-feed.schedule", "payment-rolls.schedule", "tekun-minor-age-limit.schedule" }));
    }

    private static async Task<List<(string RequestedBy, string Outcome, string Instance, string Period)>> WaitForRunsAsync(string connectionString, int atLeast)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var runs = (await connection.QueryAsync<(string, string, string, string)>(
                "SELECT requested_by, outcome, instance, period FROM job_runs WHERE job = 'idempotency-purge' AND trigger = 'Schedule' AND outcome <> 'Running'"))
                .ToList();
            if (runs.Count >= atLeast)
            {
                return runs;
            }

            Assert.That(deadline.Elapsed, Is.LessThan(TimeSpan.FromSeconds(90)), $"only {runs.Count} scheduled runs recorded");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
