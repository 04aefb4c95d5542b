namespace Assistance.Api.Tests.EarlyWarning;

using System.Net;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Domain.Applications;
using Assistance.Domain.Households;
using static Assistance.Api.Tests.EarlyWarning.EarlyWarningCases;

/// <summary>
/// The due-review scan (R-30) and an alert's lifecycle through the API: acknowledge, resolve with a note (If-Match/ETag
/// like every resource), a resolved alert is final, and a condition that is found again raises a new alert.
/// </summary>
public sealed class AlertLifecycleTests : ApiTestBase
{
    [Test]
    public async Task ReviewOverdue_IsRaisedOnceTheDateHasPassed_AndARecurringConditionRaisesANewAlertAfterResolution()
    {
        var due = Household("320682001", Programme.Dibao, [Person("320682", new(1950, 1, 1), capacity: LaborCapacity.None)], nextReview: new DateOnly(2026, 9, 15));
        await WriteAsync(Factory, due);

        await RunJobAsync(Factory, "due-review-scan", "2026-09-15");
        Assert.That(await AlertsOfAsync(Factory, "ReviewOverdue", due.Enrolment.Id), Is.Empty, "due today is not overdue");

        var run = await RunJobAsync(Factory, "due-review-scan", "2026-09-16");
        var raised = await AlertsOfAsync(Factory, "ReviewOverdue", due.Enrolment.Id);
        Assert.Multiple(() =>
        {
            Assert.That((long?)run["counts"]!["ReviewOverdue.raised"], Is.EqualTo(1));
            Assert.That(raised, Has.Count.EqualTo(1));
            Assert.That((string?)raised[0]["ruleId"], Is.EqualTo("R-30"));
            Assert.That((string?)raised[0]["detail"], Is.EqualTo("review was due on 2026-09-15 (every 6 months)"));
        });
        var id = (string)raised[0]["id"]!;

        var caseworker = Factory.ClientAs("caseworker-zhou", "320682", null, "cases.read", "cases.write");
        var get = await caseworker.GetAsync(new Uri($"/api/v1/alerts/{id}", UriKind.Relative));
        Assert.That(get.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));

        var acknowledged = await caseworker.SendJsonAsync(HttpMethod.Post, $"/api/v1/alerts/{id}/acknowledge", null, ifMatch: "\"1\"");
        var body = await acknowledged.JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(acknowledged.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That((string?)body["status"], Is.EqualTo("Acknowledged"));
            Assert.That((string?)body["acknowledgedBy"], Is.EqualTo("caseworker-zhou"));
            Assert.That(acknowledged.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        });
        await (await caseworker.SendJsonAsync(HttpMethod.Post, $"/api/v1/alerts/{id}/acknowledge", null, ifMatch: "\"2\"")).ProblemAsync(HttpStatusCode.Conflict, "alert.already-acknowledged");
        await (await caseworker.PostJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "Review booked." }, ifMatch: "\"1\"")).ProblemAsync(HttpStatusCode.PreconditionFailed, "alert.version-mismatch");
        await (await caseworker.PostJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "  " }, ifMatch: "\"2\"")).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        var resolved = await caseworker.PostJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "Review booked for 2026-09-20." }, ifMatch: "\"2\"");
        var resolvedBody = await resolved.JsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(resolved.StatusCode, Is.EqualTo(HttpStatusCode.OK), resolvedBody.ToJsonString());
            Assert.That((string?)resolvedBody["status"], Is.EqualTo("Resolved"));
            Assert.That((string?)resolvedBody["resolutionNote"], Is.EqualTo("Review booked for 2026-09-20."));
            Assert.That((string?)resolvedBody["resolvedBy"], Is.EqualTo("caseworker-zhou"));
        });
        await (await caseworker.PostJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "Again." }, ifMatch: "\"3\"")).ProblemAsync(HttpStatusCode.Conflict, "alert.resolved");

        // The review still has not happened: the next day's scan raises a new alert; the resolved one stays as it was.
        await RunJobAsync(Factory, "due-review-scan", "2026-09-17");
        var all = await AlertsOfAsync(Factory, "ReviewOverdue", due.Enrolment.Id);
        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.EqualTo(2));
            Assert.That(all.Select(a => (string?)a["status"]), Is.EquivalentTo(new[] { "Resolved", "Open" }));
            Assert.That(all.Single(a => (string?)a["status"] == "Open")["id"]!.ToString(), Is.Not.EqualTo(id));
            Assert.That((string?)all.Single(a => (string?)a["status"] == "Resolved")["resolutionNote"], Is.EqualTo("Review booked for 2026-09-20."));
        });

        var audit = await (await Factory.ClientWith("000000", "audit.read").GetAsync(new Uri($"/api/v1/audit-events?entityType=Alert&entityId={id}", UriKind.Relative))).JsonAsync();
        Assert.That(audit["items"]!.AsArray().Select(e => (string?)e!["action"]), Is.EqualTo(new[] { "Acknowledged", "Resolved" }));
    }

    [Test]
    public async Task Alerts_AreSeenOnlyWithinTheCallersRegion_AndTheListFiltersAndPages()
    {
        var rugao = Household("320682002", Programme.Dibao, [Person("320682", new(1951, 1, 1), capacity: LaborCapacity.None)], nextReview: new DateOnly(2026, 8, 1));
        var changzhou = Household("320402", Programme.Dibao, [Person("320402", new(1952, 1, 1), capacity: LaborCapacity.None)], nextReview: new DateOnly(2026, 8, 1));
        var changzhou2 = Household("320402", Programme.Dibao, [Person("320402", new(1953, 1, 1), capacity: LaborCapacity.None)], nextReview: new DateOnly(2026, 8, 2));
        await WriteAsync(Factory, rugao, changzhou, changzhou2);
        await RunJobAsync(Factory, "due-review-scan", "2026-08-10");

        var county = Factory.ClientWith("320402", "cases.read");
        var first = await (await county.GetAsync(new Uri("/api/v1/alerts?rule=ReviewOverdue&status=Open&limit=1", UriKind.Relative))).JsonAsync();
        var cursor = (string)first["nextCursor"]!;
        var second = await (await county.GetAsync(new Uri($"/api/v1/alerts?rule=ReviewOverdue&status=Open&limit=1&cursor={Uri.EscapeDataString(cursor)}", UriKind.Relative))).JsonAsync();
        var seen = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(a => (string?)a!["enrolmentId"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EquivalentTo(new[] { changzhou.Enrolment.Id.ToString(), changzhou2.Enrolment.Id.ToString() }));
            Assert.That(second["nextCursor"], Is.Null);
        });

        var other = (await AlertsOfAsync(Factory, "ReviewOverdue", rugao.Enrolment.Id)).Single();
        await (await county.GetAsync(new Uri($"/api/v1/alerts/{other["id"]}", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound, "alert.not-found");
        await (await county.GetAsync(new Uri("/api/v1/alerts?rule=NoSuchRule", UriKind.Relative))).ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await county.GetAsync(new Uri("/api/v1/alerts?regionCode=320682", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
    }
}
