namespace Assistance.Api.Tests.Workflow;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary>A full dibao case through the API, across the 2026 National Day holiday and its make-up Saturday .</summary>
public sealed class DibaoCaseTests : WorkflowTestBase
{
    private static JsonNode Deadline(JsonNode application, string step) =>
        application["deadlines"]!.AsArray().Single(d => (string?)d!["step"] == step)!;

    [Test]
    public async Task FullDibaoCase_FromApplicationToEnrolment_AcrossNationalDay2026()
    {
        var household = await PoorFamilyAsync();
        var township = Township();
        var county = County();

        // Mon 2026-09-28: submitted and accepted.
        Today("2026-09-28");
        var (id, etag, submitted) = await SubmitAsync(township, household, "Dibao");
        Assert.That((string?)submitted["status"], Is.EqualTo("Submitted"));
        JsonNode body;
        (body, etag) = await StepAsync(township, id, "accept", new { reason = "材料齐全，告知承诺已签" }, etag);

        // Start verification within 3 working days: 09-29, 09-30, [10-01..10-07 holiday], 10-08.
        Assert.That((string?)Deadline(body, "StartVerification")["dueOn"], Is.EqualTo("2026-10-08"));
        Assert.That((string?)Deadline(body, "WholeProcess")["dueOn"], Is.EqualTo("2026-11-13"));

        Today("2026-09-30");
        (body, etag) = await StepAsync(township, id, "verification-request", new { reason = "发起核对" }, etag);

        // County data check within 3 working days of the request: 10-08, 10-09, 10-10 (make-up Saturday 调休).
        Assert.That((string?)Deadline(body, "DataCheck")["dueOn"], Is.EqualTo("2026-10-10"));
        Assert.That((string?)Deadline(body, "StartVerification")["state"], Is.EqualTo("Met"));

        Today("2026-10-09");
        foreach (var source in Sources)
        {
            (body, etag) = await StepAsync(county, id, "verification-results",
                source == "Bank" ? new { source, outcome = "Discrepancy", details = (string?)"存款 3,000 元，已申报" } : new { source, outcome = "Pass", details = (string?)null }, etag);
        }

        Assert.That((string?)Deadline(body, "DataCheck")["state"], Is.EqualTo("Met"));
        (body, etag) = await StepAsync(township, id, "home-surveys", new { investigators = Investigators, findings = "家庭无收入，住房简陋" }, etag);
        Assert.That((string?)body["status"], Is.EqualTo("Surveyed"));
        (body, etag) = await StepAsync(township, id, "public-notice", new { reason = "村务公开栏" }, etag);
        // Opened Fri 10-09: the opening day is not counted (Civil Code Art. 201), the 7 days run 10-10 (make-up Saturday) … 10-16.
        Assert.That((string?)body["noticeEndsOn"], Is.EqualTo("2026-10-16"));

        // On its last day the notice still runs.
        Today("2026-10-16");
        var early = await township.PostJsonAsync($"/api/v1/applications/{id}/public-notice/close", new { reason = "x" }, null, etag);
        var problem = await early.ProblemAsync(HttpStatusCode.Conflict, "application.notice-period-running");
        Assert.That((string?)problem["detail"], Does.Contain("R-20"));

        Today("2026-10-19");
        (body, etag) = await StepAsync(township, id, "public-notice/close", new { reason = "公示无异议，报县级" }, etag);

        // County decision within 10 working days of receiving the file on Mon 10-19: 10-20 … 11-02.
        Assert.That((string?)Deadline(body, "Decision")["dueOn"], Is.EqualTo("2026-11-02"));

        // A township account cannot decide.
        var byTownship = await township.PostJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "Approve" }, null, etag);
        await byTownship.ProblemAsync(HttpStatusCode.Conflict, "application.decision-needs-county");

        Today("2026-10-20");
        (body, etag) = await StepAsync(county, id, "decision", new { decision = "Approve", reasons = "人均收入低于低保标准" }, etag);
        Assert.That((string?)body["status"], Is.EqualTo("Enrolled"));
        Assert.That((string?)body["assessment"]!["outcome"], Is.EqualTo("Dibao"));
        Assert.That(body["assessment"]!["trace"]!.AsArray(), Is.Not.Empty);
        Assert.That((string?)Deadline(body, "Decision")["state"], Is.EqualTo("Met"));
        Assert.That((string?)Deadline(body, "WholeProcess")["state"], Is.EqualTo("Met"));
        Assert.That((bool?)body["overdue"], Is.False);

        // The enrolment: household, month after approval, amount and interval from the stored assessment.
        var enrolmentId = (string)body["enrolmentIds"]![0]!;
        var enrolmentResponse = await county.GetAsync(new Uri($"/api/v1/enrolments/{enrolmentId}", UriKind.Relative));
        var enrolment = await enrolmentResponse.JsonAsync();
        Assert.That(enrolmentResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That((string?)enrolment["programme"], Is.EqualTo("Dibao"));
            Assert.That((string?)enrolment["status"], Is.EqualTo("Active"));
            Assert.That((string?)enrolment["startMonth"], Is.EqualTo("2026-11"));
            Assert.That((decimal?)enrolment["monthlyAmount"], Is.EqualTo((decimal?)body["assessment"]!["monthlyAmount"]));
            Assert.That((decimal?)enrolment["monthlyAmount"], Is.GreaterThan(0m));
            Assert.That((int?)enrolment["reviewIntervalMonths"], Is.EqualTo((int?)body["assessment"]!["reviewIntervalMonths"]));
            Assert.That(enrolment["covered"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That((string?)enrolment["basis"]!["outcome"], Is.EqualTo("Dibao"));
        });

        // The audit trail reads as the case's history, each step with actor and reason.
        var auditResponse = await county.GetAsync(new Uri($"/api/v1/audit-events?regionCode=320682&entityType=Application&entityId={id}&limit=200", UriKind.Relative));
        var audit = await auditResponse.JsonAsync();
        Assert.That(auditResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), audit.ToJsonString());
        var actions = audit["items"]!.AsArray().Select(e => (string?)e!["action"]).ToList();
        Assert.That(actions, Is.EqualTo(new[]
        {
            "Submitted", "Accepted", "VerificationRequested",
            "VerificationResultRecorded:Bank:Discrepancy", "VerificationResultRecorded:RealEstate:Pass", "VerificationResultRecorded:Vehicles:Pass",
            "VerificationResultRecorded:BusinessRegistration:Pass", "VerificationResultRecorded:SocialInsurance:Pass",
            "HomeSurveyRecorded", "PublicNoticeOpened", "PublicNoticeClosed", "Approved", "Enrolled",
        }));
        Assert.That(audit["items"]!.AsArray().All(e => !string.IsNullOrEmpty((string?)e!["actor"])), Is.True);
        Assert.That(audit["items"]!.AsArray().Single(e => (string?)e!["action"] == "Accepted")!["reason"]!.ToString(), Is.EqualTo("材料齐全，告知承诺已签"));
        Assert.That(audit["items"]!.AsArray().Single(e => (string?)e!["action"] == "Approved")!["actor"]!.ToString(), Is.EqualTo("county-officer"));

        // The case history on the application itself.
        var final = await (await county.GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative))).JsonAsync();
        Assert.That(final["history"]!.AsArray().Select(h => (string?)h!["action"]).Last(), Is.EqualTo("Enrolled"));
    }

    [Test]
    public async Task Rejection_WithWrittenReasons_ThenRefusalNoticeWithinThreeWorkingDays()
    {
        var household = await PoorFamilyAsync();
        var county = County();
        Today("2026-03-02");
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");
        etag = await ToNoticeAsync(county, id, etag);
        Today("2026-03-10");
        (_, etag) = await StepAsync(county, id, "public-notice/close", new { reason = "无异议" }, etag);

        var noReasons = await county.PostJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "Reject", reasons = " " }, null, etag);
        await noReasons.ProblemAsync(HttpStatusCode.Conflict, "application.rejection-needs-reasons");

        Today("2026-03-13"); // Fri: refusal notice due Wed 03-18.
        JsonNode body;
        (body, etag) = await StepAsync(county, id, "decision", new { decision = "Reject", reasons = "家庭人均收入高于当地低保标准" }, etag);
        Assert.That((string?)body["status"], Is.EqualTo("Rejected"));
        Assert.That((string?)body["decision"]!["reasons"], Is.EqualTo("家庭人均收入高于当地低保标准"));
        Assert.That((string?)body["deadlines"]!.AsArray().Single(d => (string?)d!["step"] == "RefusalNotice")!["dueOn"], Is.EqualTo("2026-03-18"));

        Today("2026-03-19");
        (body, _) = await StepAsync(county, id, "refusal-notice", new { reason = "书面告知申请人" }, etag);
        Assert.That((string?)body["status"], Is.EqualTo("RefusalNotified"));
        Assert.That((string?)body["deadlines"]!.AsArray().Single(d => (string?)d!["step"] == "RefusalNotice")!["state"], Is.EqualTo("Late"));
    }

    [Test]
    public async Task Objection_ReopensSurvey_OrRecordsDemocraticEvaluation()
    {
        var household = await PoorFamilyAsync();
        var county = County();
        Today("2026-04-13");
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");
        etag = await ToNoticeAsync(county, id, etag);
        JsonNode body;
        (body, etag) = await StepAsync(county, id, "objections", new { details = "群众反映有经营收入", resolution = "ReopenSurvey" }, etag);
        Assert.That((string?)body["status"], Is.EqualTo("Verifying"));
        (_, etag) = await StepAsync(county, id, "home-surveys", new { investigators = Investigators, findings = "复查：无经营收入" }, etag);
        (_, etag) = await StepAsync(county, id, "public-notice", new { }, etag);

        var missingOutcome = await county.PostJsonAsync($"/api/v1/applications/{id}/objections", new { details = "再次异议", resolution = "DemocraticEvaluation" }, null, etag);
        await missingOutcome.ProblemAsync(HttpStatusCode.Conflict, "application.evaluation-outcome-missing");
        (body, _) = await StepAsync(county, id, "objections",
            new { details = "再次异议", resolution = "DemocraticEvaluation", evaluationOutcome = "民主评议 9 人，8 人同意" }, etag);
        Assert.That((string?)body["status"], Is.EqualTo("PublicNotice"));
        Assert.That(body["objections"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(body["surveys"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Approve_WithoutEveryVerificationResult_IsRefusedAndNothingIsWritten()
    {
        var household = await PoorFamilyAsync();
        var county = County();
        Today("2026-05-11");
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");
        etag = await ToNoticeAsync(county, id, etag, sources: 4);
        Today("2026-05-19");
        (_, etag) = await StepAsync(county, id, "public-notice/close", new { }, etag);

        var response = await county.PostJsonAsync($"/api/v1/applications/{id}/decision", new { decision = "Approve" }, Guid.NewGuid().ToString(), etag);
        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "application.verification-missing");
        Assert.That((string?)problem["detail"], Does.Contain("SocialInsurance").And.Contain("逢进必核"));

        var after = await county.GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative));
        var body = await after.JsonAsync();
        Assert.That(ETag(after), Is.EqualTo(etag));
        Assert.That((string?)body["status"], Is.EqualTo("AwaitingDecision"));
        Assert.That((string?)body["missingVerificationSources"]![0], Is.EqualTo("SocialInsurance"));
    }

    [Test]
    public async Task Transitions_CheckIfMatchAndIdempotencyKey()
    {
        var household = await PoorFamilyAsync();
        var county = County();
        Today("2026-06-01");
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");

        // (No body: the in-memory test server cannot send a body the 428 filter never reads.)
        var noIfMatch = await county.SendJsonAsync(HttpMethod.Post, $"/api/v1/applications/{id}/accept", null);
        await noIfMatch.ProblemAsync((HttpStatusCode)428, "request.if-match-required");
        var stale = await county.PostJsonAsync($"/api/v1/applications/{id}/accept", new { reason = "x" }, null, "\"99\"");
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed, "application.version-mismatch");

        var key = Guid.NewGuid().ToString();
        var first = await county.PostJsonAsync($"/api/v1/applications/{id}/accept", new { reason = "受理" }, key, etag);
        var retry = await county.PostJsonAsync($"/api/v1/applications/{id}/accept", new { reason = "受理" }, key, etag);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)(await retry.JsonAsync())["status"], Is.EqualTo("Accepted"));
        var reused = await county.PostJsonAsync($"/api/v1/applications/{id}/accept", new { reason = "other" }, key, etag);
        await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key-reused");

        var wrongStep = await county.PostJsonAsync($"/api/v1/applications/{id}/public-notice", new { }, null, ETag(first));
        await wrongStep.ProblemAsync(HttpStatusCode.Conflict, "application.invalid-transition");
    }

    [Test]
    public async Task Submit_BadInput_Returns400And404AndNothingWritten()
    {
        var county = County();
        var unknownEnum = await county.SendJsonAsync(HttpMethod.Post, "/api/v1/applications",
            JsonNode.Parse("""{"householdId":"0195a000-0000-7000-8000-000000000001","programme":"Gold","channel":"Window","applicantMemberId":"0195a000-0000-7000-8000-000000000002","signedCommitment":true,"residencePermit":false}"""));
        await unknownEnum.ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");

        var unknownHousehold = await county.PostJsonAsync("/api/v1/applications",
            new { householdId = Guid.NewGuid(), programme = "Dibao", channel = "Window", applicantMemberId = Guid.NewGuid(), signedCommitment = true });
        await unknownHousehold.ProblemAsync(HttpStatusCode.NotFound, "household.not-found");

        var household = await PoorFamilyAsync();
        var notAMember = await county.PostJsonAsync("/api/v1/applications",
            new { householdId = household.Id, programme = "Dibao", channel = "Window", applicantMemberId = Guid.NewGuid(), signedCommitment = true });
        await notAMember.ProblemAsync(HttpStatusCode.Conflict, "application.applicant-not-a-member");

        // Filing in another county needs a residence permit there.
        var elsewhere = await Admin().PostJsonAsync("/api/v1/applications",
            new { householdId = household.Id, programme = "Dibao", channel = "Online", applicantMemberId = household.MemberIds[0], signedCommitment = true, regionCode = "320402" });
        await elsewhere.ProblemAsync(HttpStatusCode.Conflict, "application.applicant-not-in-region");

        // A well-formed code that is not in the register is a 400 naming the field, not a database error.
        var unknownRegion = await Admin().PostJsonAsync("/api/v1/applications",
            new { householdId = household.Id, programme = "Dibao", channel = "Online", applicantMemberId = household.MemberIds[0], signedCommitment = true, regionCode = "320683", residencePermit = true });
        var regionProblem = await unknownRegion.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(regionProblem["errors"]!["regionCode"], Is.Not.Null);
        var unknownRelativeRegion = await Admin().PostJsonAsync("/api/v1/close-relatives",
            new { regionCode = "320683", staffName = "x", staffRole = "Caseworker", relativeName = "y", relativeIdNumber = household.IdNumbers[0], relationship = "Child" });
        await unknownRelativeRegion.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var badIdNumber = await Admin().PostJsonAsync("/api/v1/close-relatives",
            new { regionCode = "320682", staffName = "x", staffRole = "Caseworker", relativeName = "y", relativeIdNumber = "320682195001010012", relationship = "Child" });
        await badIdNumber.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        // Another region's caller does not see the household at all.
        var other = Factory.ClientWith("610000", "cases.write", "cases.read");
        var hidden = await other.PostJsonAsync("/api/v1/applications",
            new { householdId = household.Id, programme = "Dibao", channel = "Window", applicantMemberId = household.MemberIds[0], signedCommitment = true });
        await hidden.ProblemAsync(HttpStatusCode.NotFound, "household.not-found");

        var list = await (await county.GetAsync(new Uri("/api/v1/applications?regionCode=320682001&limit=200", UriKind.Relative))).JsonAsync();
        Assert.That(list["items"]!.AsArray().Any(a => (string?)a!["householdId"] == household.Id.ToString()), Is.False);

        Today("2026-06-02");
        await SubmitAsync(county, household, "Dibao");
        var second = await county.PostJsonAsync("/api/v1/applications",
            new { householdId = household.Id, programme = "Dibao", channel = "Window", applicantMemberId = household.MemberIds[0], signedCommitment = true });
        await second.ProblemAsync(HttpStatusCode.Conflict, "application.already-open");
    }

    [Test]
    public async Task Extension_MovesTheWholeProcessLimitFrom30To45WorkingDays_Once()
    {
        var household = await PoorFamilyAsync();
        var county = County();
        Today("2026-03-02");
        var (id, etag, _) = await SubmitAsync(county, household, "Dibao");
        JsonNode body;
        (body, etag) = await StepAsync(county, id, "accept", new { }, etag);
        Assert.That((int?)Deadline(body, "WholeProcess")["limit"], Is.EqualTo(30));

        var noReason = await county.PostJsonAsync($"/api/v1/applications/{id}/extension", new { reason = "" }, null, etag);
        await noReason.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        (body, etag) = await StepAsync(county, id, "extension", new { reason = "异地核对数据未返回" }, etag);
        Assert.That((int?)Deadline(body, "WholeProcess")["limit"], Is.EqualTo(45));
        Assert.That((bool?)body["extended"], Is.True);

        // 03-02 + 45 working days (Qingming 04-04..04-06 and Labour Day 05-01..05-05 skipped) = 05-08.
        Assert.That((string?)Deadline(body, "WholeProcess")["dueOn"], Is.EqualTo("2026-05-08"));
        var again = await county.PostJsonAsync($"/api/v1/applications/{id}/extension", new { reason = "again" }, null, etag);
        await again.ProblemAsync(HttpStatusCode.Conflict, "application.extension-not-allowed");
    }
}
