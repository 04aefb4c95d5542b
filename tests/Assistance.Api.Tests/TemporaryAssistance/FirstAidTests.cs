namespace Assistance.Api.Tests.TemporaryAssistance;

using System.Net;
using Assistance.Api.Tests.Infrastructure;

/// <summary>R-44: an emergency case is paid first (先行救助), its paperwork recorded afterwards; late paperwork is listed.</summary>
public class FirstAidTests : TemporaryAssistanceTestBase
{
    [Test]
    public async Task EmergencyPaidFirst_ThenOverdueOnTheFakeClock_ThenPaperworkRecorded()
    {
        Today("2026-11-02");
        await TopUpAsync(CountyOfficer(), Street, 5000.00m);
        var before = await FundAsync(CountyOfficer(), Street);
        var (opened, etag) = await OpenAsync(TownshipClerk(), 2000.00m, type: "Emergency");

        var (paid, paidEtag) = await CaseStepAsync(TownshipClerk(), opened, etag, "payment", new { reason = "夜间火灾，先行救助" });
        Assert.Multiple(() =>
        {
            Assert.That((string?)paid["status"], Is.EqualTo("Paid"));
            Assert.That((bool?)paid["firstAid"], Is.True);
            Assert.That((string?)paid["paidOn"], Is.EqualTo("2026-11-02"));
            Assert.That((string?)paid["paperworkDueOn"], Is.EqualTo("2026-11-12"), "temporary.firstAid.paperworkDueDays = 10");
            Assert.That((string?)paid["paperworkRecordedOn"], Is.Null);
            Assert.That((bool?)paid["paperworkOverdue"], Is.False);
        });
        var after = await FundAsync(CountyOfficer(), Street);
        Assert.That((decimal?)after["balance"], Is.EqualTo((decimal?)before["balance"] - 2000.00m));

        Assert.That(await OverdueIdsAsync(), Does.Not.Contain((string?)opened["id"]), "due on 11-12, not late on 11-02");
        Today("2026-11-12");
        Assert.That(await OverdueIdsAsync(), Does.Not.Contain((string?)opened["id"]), "the due day itself is not late");
        Today("2026-11-13");
        Assert.That(await OverdueIdsAsync(), Does.Contain((string?)opened["id"]));
        Assert.That((bool?)(await GetCaseAsync(CountyOfficer(), opened))["paperworkOverdue"], Is.True);

        var (documented, _) = await CaseStepAsync(TownshipClerk(), paid, paidEtag, "paperwork", new { explanation = "火灾证明与身份证复印件已补齐" });
        Assert.Multiple(() =>
        {
            Assert.That((string?)documented["status"], Is.EqualTo("Paid"));
            Assert.That((string?)documented["paperworkRecordedOn"], Is.EqualTo("2026-11-13"));
            Assert.That((string?)documented["paperworkExplanation"], Is.EqualTo("火灾证明与身份证复印件已补齐"));
            Assert.That((bool?)documented["paperworkOverdue"], Is.False);
        });
        Assert.That(await OverdueIdsAsync(), Does.Not.Contain((string?)opened["id"]));

        var audit = await (await CountyOfficer().GetAsync($"/api/v1/audit-events?entityType=TemporaryAssistanceCase&entityId={(string)opened["id"]!}")).JsonAsync();
        Assert.That(audit["items"]!.AsArray().Select(e => (string?)e!["action"]), Is.EqualTo(new[] { "Opened", "PaidFirst", "PaperworkRecorded" }));
    }

    [Test]
    public async Task ExpenditureCase_IsNotPaidBeforeApproval()
    {
        Today("2026-11-02");
        await TopUpAsync(CountyOfficer(), Town, 5000.00m);
        var (opened, etag) = await OpenAsync(CountyOfficer(), 1000.00m, township: Town);
        var response = await TryStepAsync(CountyOfficer(), opened, etag, "payment", new { });
        await response.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.first-aid-emergency-only");
        Assert.That((string?)(await GetCaseAsync(CountyOfficer(), opened))["status"], Is.EqualTo("Submitted"));
    }

    [Test]
    public async Task FirstAidAboveTheTownshipTier_NeedsACountyAccount_AndCaseByCasePaperworkNeedsTheMeetingReference()
    {
        Today("2026-11-02");
        await TopUpAsync(CountyOfficer(), "320682002", 30000.00m);
        var (opened, etag) = await OpenAsync(CountyOfficer(), 15000.00m, type: "Emergency", township: "320682002");
        Assert.That((string?)opened["tier"], Is.EqualTo("CaseByCase"));

        var byTownship = await TryStepAsync(TownshipClerk("320682002"), opened, etag, "payment", new { });
        await byTownship.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.decision-above-tier");
        var (paid, paidEtag) = await CaseStepAsync(CountyOfficer(), opened, etag, "payment", new { });
        Assert.That((bool?)paid["firstAid"], Is.True);

        var noReference = await TryStepAsync(CountyOfficer(), paid, paidEtag, "paperwork", new { explanation = "材料已补齐" });
        await noReference.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.meeting-reference-required");
        var (documented, documentedEtag) = await CaseStepAsync(
            CountyOfficer(), paid, paidEtag, "paperwork", new { explanation = "材料已补齐", meetingReference = "协调会〔2026〕7号" });
        Assert.That((string?)documented["meetingReference"], Is.EqualTo("协调会〔2026〕7号"));

        var again = await TryStepAsync(CountyOfficer(), documented, documentedEtag, "paperwork", new { explanation = "再次补充", meetingReference = "协调会〔2026〕7号" });
        await again.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.no-paperwork-pending");
    }

    private async Task<List<string?>> OverdueIdsAsync()
    {
        var page = await (await CountyOfficer().GetAsync("/api/v1/temporary-assistance?paperworkOverdue=true&limit=200")).JsonAsync();
        return page["items"]!.AsArray().Select(i => (string?)i!["id"]).ToList();
    }
}
