namespace Assistance.Api.Tests.Workflow;

using System.Net;
using System.Net.Http.Headers;
using Assistance.Api.Security;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Application.Applications;
using Assistance.Domain.Regions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The IEligibilityAssessor seam: when no engine answers, approval still records the decision, says so in the audit
/// trail, and creates no enrolment (never a made-up result).
/// </summary>
public sealed class AssessorSeamTests : WorkflowTestBase
{
    private sealed class NoEngine : IEligibilityAssessor
    {
        public Task<EligibilityAssessment?> AssessAsync(Application.Abstractions.RegionScope scope, Guid householdId, RegionCode region, DateOnly asOf, CancellationToken cancellationToken) =>
            Task.FromResult<EligibilityAssessment?>(null);
    }

    [Test]
    public async Task Approve_WhenNoAssessorAnswers_RecordsDecisionWithoutEnrolment()
    {
        await using var withoutEngine = Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<IEligibilityAssessor, NoEngine>()));
        var client = withoutEngine.CreateClient();
        var token = DevToken.Create(
            withoutEngine.Services.GetRequiredService<JwtSettings>(), "county-officer", ["cases.read", "cases.write", "cases.approve", "audit.read"], "320682", null,
            TimeProvider.System, TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var household = await PoorFamilyAsync();
        Today("2026-07-06");
        var (id, etag, _) = await SubmitAsync(client, household, "Dibao");
        etag = await ToNoticeAsync(client, id, etag);
        Today("2026-07-14"); // the notice opened Monday 07-06 runs 07-07 … 07-13 (Civil Code Art. 201)
        (_, etag) = await StepAsync(client, id, "public-notice/close", new { }, etag);
        var (body, _) = await StepAsync(client, id, "decision", new { decision = "Approve", reasons = "符合条件" }, etag);

        Assert.Multiple(() =>
        {
            Assert.That((string?)body["status"], Is.EqualTo("Approved"));
            Assert.That((string?)body["decision"]!["kind"], Is.EqualTo("Approve"));
            Assert.That(body["assessment"], Is.Null);
            Assert.That(body["enrolmentIds"]!.AsArray(), Is.Empty);
        });
        var audit = await (await client.GetAsync(new Uri($"/api/v1/audit-events?regionCode=320682&entityType=Application&entityId={id}&limit=200", UriKind.Relative))).JsonAsync();
        Assert.That(audit["items"]!.AsArray().Select(e => (string?)e!["action"]), Does.Contain("AssessmentUnavailable"));
        var enrolments = await (await client.GetAsync(new Uri($"/api/v1/enrolments?regionCode=320682&householdId={household.Id}", UriKind.Relative))).JsonAsync();
        Assert.That(enrolments["items"]!.AsArray(), Is.Empty);
    }
}
