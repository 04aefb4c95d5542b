namespace Assistance.Api.Tests.EarlyWarning;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;
using Dapper;
using Npgsql;
using static Assistance.Api.Tests.EarlyWarning.EarlyWarningCases;

/// <summary>
/// How a daily rule run writes (issue 11 performance): an open alert whose condition still holds is not written again
/// (its row is untouched; its last-seen day is the rule's last run day), ReviewOverdue respects review moratoriums
/// and the tekun-minor lead time is a region-scoped parameter. Own database: the moratorium and the
/// parameter value would otherwise reach other tests' households.
/// </summary>
public sealed class AlertRunTests : ApiTestBase
{
    [Test]
    public async Task DailyRun_LeavesAnUnchangedOpenAlertUnwritten_DerivesLastSeen_AndResolvesByAntiJoin()
    {
        var idle = Household("320682001", Programme.Dibao, [Person("320682", new(1985, 4, 1))]);
        await WriteAsync(Factory, idle);

        var first = await RunJobAsync(Factory, "alert-rules", "2026-01-05");
        var raised = (await AlertsOfAsync(Factory, "ZeroEmployment", idle.Enrolment.Id)).Single();
        var id = Guid.Parse((string)raised["id"]!);
        var rowBefore = await RowVersionAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That((long?)first["counts"]!["ZeroEmployment.raised"], Is.EqualTo(1));
            Assert.That((long?)first["counts"]!["ZeroEmployment.ms"], Is.GreaterThanOrEqualTo(0), "per-rule wall time for the benchmark");
            Assert.That(((string?)raised["raisedOn"], (string?)raised["lastSeenOn"]), Is.EqualTo(("2026-01-05", "2026-01-05")));
        });

        var second = await RunJobAsync(Factory, "alert-rules", "2026-01-06");
        var kept = (await AlertsOfAsync(Factory, "ZeroEmployment", idle.Enrolment.Id)).Single();
        Assert.Multiple(async () =>
        {
            Assert.That((long?)second["counts"]!["ZeroEmployment.raised"], Is.EqualTo(0));
            Assert.That((long?)second["counts"]!["ZeroEmployment.unchanged"], Is.EqualTo(1), "the condition still holds: counted, not written");
            Assert.That(await RowVersionAsync(id), Is.EqualTo(rowBefore), "the row was not rewritten (same xmin, same version)");
            Assert.That(((string?)kept["status"], (string?)kept["raisedOn"], (string?)kept["lastSeenOn"]), Is.EqualTo(("Open", "2026-01-05", "2026-01-06")));
            Assert.That((long?)kept["version"], Is.EqualTo(1));
        });

        // The head finds work: the next run no longer returns the condition and resolves the alert; it was last seen on
        // the previous run day.
        await using (var connection = new NpgsqlConnection(Factory.ConnectionString))
        {
            await connection.ExecuteAsync("SET assistance.region_prefix = '*'; UPDATE household_members SET employed = true WHERE id = @id", new { id = idle.Members[0].Id });
        }

        var third = await RunJobAsync(Factory, "alert-rules", "2026-01-09");
        var cleared = (await AlertsOfAsync(Factory, "ZeroEmployment", idle.Enrolment.Id)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((long?)third["counts"]!["ZeroEmployment.cleared"], Is.EqualTo(1));
            Assert.That(((string?)cleared["status"], (string?)cleared["lastSeenOn"], (long?)cleared["version"]), Is.EqualTo(("Resolved", "2026-01-06", 2L)));
            Assert.That((string?)cleared["resolutionNote"], Does.Contain("2026-01-09"));
        });
    }

    [Test]
    public async Task ReviewOverdue_IsHeldWhileAnAncestorsMoratoriumIsInForce_AndRaisedOnceItHasEnded()
    {
        var held = Household("320682001", Programme.Dibao, [Person("320682", new(1950, 1, 1), capacity: LaborCapacity.None)], nextReview: new DateOnly(2026, 9, 15));
        var elsewhere = Household("340302", Programme.Dibao, [Person("340302", new(1951, 1, 1), capacity: LaborCapacity.None)], nextReview: new DateOnly(2026, 9, 15));
        await WriteAsync(Factory, held, elsewhere);

        // Jiangsu (320000, an ancestor of 320682001) holds reviews from 2026-09-10; the first day no longer in force is 2026-10-01.
        var created = await Factory.ClientAs("policy-admin", "320000", null, "policy.admin").PostJsonAsync("/api/v1/review-moratoriums",
            new { regionCode = "320000", from = "2026-09-10", to = "2026-10-01", reason = "疫情防控期间", source = "测试通知 三", endSource = "测试通知 四" },
            Guid.NewGuid().ToString());
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());

        var during = await RunJobAsync(Factory, "due-review-scan", "2026-09-20");
        Assert.Multiple(async () =>
        {
            Assert.That((long?)during["counts"]!["ReviewOverdue.raised"], Is.EqualTo(1), "only the review outside the moratorium");
            Assert.That(await AlertsOfAsync(Factory, "ReviewOverdue", held.Enrolment.Id), Is.Empty, "R-31: nothing falls due under the moratorium");
            Assert.That(await AlertsOfAsync(Factory, "ReviewOverdue", elsewhere.Enrolment.Id), Has.Count.EqualTo(1));
        });

        // Still in force on its last day (to is exclusive); released the day it ends.
        await RunJobAsync(Factory, "due-review-scan", "2026-09-30");
        Assert.That(await AlertsOfAsync(Factory, "ReviewOverdue", held.Enrolment.Id), Is.Empty);
        var after = await RunJobAsync(Factory, "due-review-scan", "2026-10-01");
        var raised = await AlertsOfAsync(Factory, "ReviewOverdue", held.Enrolment.Id);
        Assert.Multiple(() =>
        {
            Assert.That((long?)after["counts"]!["ReviewOverdue.raised"], Is.EqualTo(1));
            Assert.That(raised, Has.Count.EqualTo(1));
            Assert.That(((string?)raised[0]["raisedOn"], (string?)raised[0]["detail"]), Is.EqualTo(("2026-10-01", "review was due on 2026-09-15 (every 6 months)")));
        });
    }

    [Test]
    public async Task TekunMinorTurningAdult_LeadTime_IsTheRegionsParameter()
    {
        // National 3 months; 340302 (蚌埠 district) sets 5 months from 2026-01-01 through the policy API.
        var county = Household("340302", Programme.Tekun, [Person("340302", new(2008, 8, 20), capacity: LaborCapacity.None)], care: CareSetting.Centralized);
        var national = Household("469001", Programme.Tekun, [Person("469001", new(2008, 8, 20), capacity: LaborCapacity.None)], care: CareSetting.Centralized);
        await WriteAsync(Factory, county, national);

        var value = new JsonObject
        {
            ["key"] = "alerts.tekunMinorLeadMonths",
            ["regionCode"] = "340302",
            ["effectiveFrom"] = "2026-01-01",
            ["value"] = 5,
            ["source"] = "测试文件 一.1",
        };
        var posted = await Factory.ClientWith("000000", "policy.read", "policy.admin").PostJsonAsync("/api/v1/policy/parameters", value);
        Assert.That((int)posted.StatusCode, Is.InRange(200, 201), await posted.Content.ReadAsStringAsync());

        // 2026-04-01: 18 is reached on 2026-08-20, four months and a half away.
        await RunJobAsync(Factory, "alert-rules", "2026-04-01");
        Assert.Multiple(async () =>
        {
            Assert.That((string?)(await AlertsOfAsync(Factory, "TekunMinorTurningAdult", county.Enrolment.Id)).Single()["detail"], Is.EqualTo("reaches 18 on 2026-08-20"));
            Assert.That(await AlertsOfAsync(Factory, "TekunMinorTurningAdult", national.Enrolment.Id), Is.Empty, "the national 3 months are not yet reached");
        });

        await RunJobAsync(Factory, "alert-rules", "2026-05-20");
        Assert.That(await AlertsOfAsync(Factory, "TekunMinorTurningAdult", national.Enrolment.Id), Has.Count.EqualTo(1), "within three months from 2026-05-20");
    }

    private async Task<(string Xmin, long Version)> RowVersionAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        return await connection.QuerySingleAsync<(string, long)>(
            "SET assistance.region_prefix = '*'; SELECT xmin::text, version FROM alerts WHERE id = @id", new { id });
    }
}
