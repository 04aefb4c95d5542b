namespace Assistance.Api.Tests.LifeEvents;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Api.Tests.Workflow;

/// <summary>R-33 intake: idempotent by the partner's event id, unknown ID numbers kept as unmatched, bad input refused with nothing changed.</summary>
public sealed class LifeEventIntakeTests : LifeEventTestBase
{
    [Test]
    public async Task SameEventTwice_HasOneEffect_AndReturnsTheFirstAnswer_WhileDifferentContentUnderTheIdIsRefused()
    {
        var elder = await LoneElderAsync();
        var enrolment = await EnrolAsync(elder, "Tekun", "2026-01-05", "2026-01-13", careSetting: "Centralized");
        var enrolmentId = (string)enrolment["id"]!;

        Today("2026-06-10");
        var eventId = NewEventId();
        var body = new { eventId, type = "Death", idNumber = elder.IdNumbers[0], occurredOn = "2026-03-15", reportingAgency = "如皋市公安局", note = "户籍注销" };
        var (first, firstText) = await ReportAsync(Partner(), body);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), firstText);

        Today("2026-06-11");
        var (second, secondText) = await ReportAsync(Partner(), body);
        Assert.Multiple(() =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(secondText), JsonNode.Parse(firstText)), Is.True, $"{firstText}\n{secondText}");
            Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        });

        var overpayments = await GetAsync($"/api/v1/overpayments?enrolmentId={enrolmentId}");
        Assert.That(overpayments["items"]!.AsArray(), Has.Count.EqualTo(1));
        var events = await GetAsync("/api/v1/life-events?type=Death&limit=200");
        Assert.That(events["items"]!.AsArray().Count(e => (string?)e!["eventId"] == eventId), Is.EqualTo(1));
        var trail = await GetAsync($"/api/v1/audit-events?entityType=Enrolment&entityId={enrolmentId}");
        Assert.That(trail["items"]!.AsArray().Count(r => (string?)r!["action"] == "End"), Is.EqualTo(1));

        var (conflict, _) = await ReportAsync(Partner(), body with { occurredOn = "2026-03-16" });
        await conflict.ProblemAsync(HttpStatusCode.Conflict, "life-event.id-reused");

        // A caller with pii.read sees the same first answer unmasked.
        var (full, fullText) = await ReportAsync(Factory.ClientAs("police-2", "320682", "如皋市公安局", "events.write", "pii.read"), body);
        Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((string?)JsonNode.Parse(fullText)!["idNumber"], Is.EqualTo(elder.IdNumbers[0]));
    }

    [Test]
    public async Task UnknownIdNumber_IsKeptUnmatched_AndListableInTheReportersRegionOnly()
    {
        Today("2026-06-10");
        var stranger = IdNumber("1960-01-01");
        var received = await ReportCreatedAsync(Partner(), "Death", stranger, "2026-06-01");
        Assert.Multiple(() =>
        {
            Assert.That((string?)received["status"], Is.EqualTo("Unmatched"));
            Assert.That((string?)received["regionCode"], Is.EqualTo("320682"));
            Assert.That(received["householdId"], Is.Null);
            Assert.That((string?)received["idNumber"], Is.Not.EqualTo(stranger).And.Contains("*"));
        });

        var unmatched = await GetAsync("/api/v1/life-events?status=Unmatched&limit=200");
        Assert.That(unmatched["items"]!.AsArray().Select(e => (string?)e!["id"]), Does.Contain((string?)received["id"]));
        var one = await GetAsync($"/api/v1/life-events/{(string)received["id"]!}");
        Assert.That((string?)one["idNumber"], Is.EqualTo(stranger), "the county officer holds pii.read");

        var elsewhere = Factory.ClientWith("610000", "cases.read");
        var other = await GetAsync("/api/v1/life-events?status=Unmatched&limit=200", elsewhere);
        Assert.That(other["items"]!.AsArray().Select(e => (string?)e!["id"]), Does.Not.Contain((string?)received["id"]));
        var hidden = await elsewhere.GetAsync(new Uri($"/api/v1/life-events/{(string)received["id"]!}", UriKind.Relative));
        await hidden.ProblemAsync(HttpStatusCode.NotFound, "life-event.not-found");
    }

    [Test]
    public async Task BadInput_IsAProblem_AndChangesNothing()
    {
        var elder = await LoneElderAsync();
        Today("2026-06-10");
        var before = (await GetAsync("/api/v1/life-events?limit=200"))["items"]!.AsArray().Count;

        var badId = elder.IdNumbers[0][..17] + (elder.IdNumbers[0][17] == '1' ? '2' : '1');
        var (wrongCheck, _) = await ReportAsync(Partner(), new { eventId = NewEventId(), type = "Death", idNumber = badId, occurredOn = "2026-06-01", reportingAgency = "公安局" });
        var problem = await wrongCheck.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("idNumber"));

        var (unknownType, _) = await ReportAsync(Partner(), new { eventId = NewEventId(), type = "Marriage", idNumber = elder.IdNumbers[0], occurredOn = "2026-06-01", reportingAgency = "公安局" });
        await unknownType.ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");

        var (noEventId, _) = await ReportAsync(Partner(), new { type = "Death", idNumber = elder.IdNumbers[0], occurredOn = "2026-06-01", reportingAgency = "公安局" });
        Assert.That((int)noEventId.StatusCode, Is.EqualTo(400));

        var (future, _) = await ReportAsync(Partner(), new { eventId = NewEventId(), type = "Death", idNumber = elder.IdNumbers[0], occurredOn = "2026-06-11", reportingAgency = "公安局" });
        await future.ProblemAsync(HttpStatusCode.Conflict, "life-event.in-the-future");

        var (noScope, _) = await ReportAsync(County(), new { eventId = NewEventId(), type = "Death", idNumber = elder.IdNumbers[0], occurredOn = "2026-06-01", reportingAgency = "公安局" });
        await noScope.ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await GetAsync("/api/v1/life-events?limit=200"))["items"]!.AsArray(), Has.Count.EqualTo(before));
            Assert.That(await MemberStatusAsync(elder, 0), Is.EqualTo("Present"));
        });
    }
}
