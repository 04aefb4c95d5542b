namespace Assistance.Api.Tests.TemporaryAssistance;

using System.Net;
using Assistance.Api.Tests.Infrastructure;

/// <summary>R-42, R-43: the amount in months of the local standard fixes the tier, and only an account at that tier decides.</summary>
public class TemporaryAssistanceTierTests : TemporaryAssistanceTestBase
{
    [Test]
    public async Task TownshipTier_NonLocalHukou_IsAcceptedMeasuredOnTheStreetsUrbanStandard_AndApprovedByTheTownship()
    {
        var (opened, etag) = await OpenAsync(TownshipClerk(), 3000.00m);

        Assert.Multiple(() =>
        {
            Assert.That((string?)opened["status"], Is.EqualTo("Submitted"));
            Assert.That((string?)opened["idNumber"], Does.StartWith("110101"), "a Beijing hukou is accepted where the emergency happened");
            Assert.That((string?)opened["residence"], Is.EqualTo("Urban"), "320682001 is a 街道");
            Assert.That((string?)opened["residenceBasis"], Is.EqualTo("DerivedFromTownshipCode"));
            Assert.That((decimal?)opened["monthlyStandard"], Is.EqualTo(1050.00m));
            Assert.That((decimal?)opened["months"], Is.EqualTo(2.8571m));
            Assert.That((string?)opened["tier"], Is.EqualTo("Township"));
            var keys = opened["parameters"]!.AsArray().Select(p => (string?)p!["key"]).ToList();
            Assert.That(keys, Is.EquivalentTo(new[] { "dibao.standard.urban", "temporary.townshipApprovalMaxMonths", "temporary.caseByCaseAboveMonths" }));
            Assert.That((string?)opened["parameters"]![0]!["regionCode"], Is.EqualTo("320682"));
        });

        var (approved, _) = await CaseStepAsync(TownshipClerk(), opened, etag, "approval", new { reason = "镇审批" });
        Assert.Multiple(() =>
        {
            Assert.That((string?)approved["status"], Is.EqualTo("Approved"));
            Assert.That((string?)approved["decidedBy"], Is.EqualTo("township-clerk"));
            Assert.That((string?)approved["decidedOn"], Is.EqualTo("2026-11-02"));
        });

        var audit = await (await CountyOfficer().GetAsync($"/api/v1/audit-events?entityType=TemporaryAssistanceCase&entityId={(string)opened["id"]!}")).JsonAsync();
        Assert.That(audit["items"]!.AsArray().Select(e => (string?)e!["action"]), Is.EqualTo(new[] { "Opened", "Approved" }));
    }

    [Test]
    public async Task ExactlyTheTownshipLimit_IsTownship_AndOneFenMoreIsCounty()
    {
        var (atLimit, _) = await OpenAsync(TownshipClerk(), 3150.00m);
        var (above, _) = await OpenAsync(TownshipClerk(), 3150.01m);
        Assert.Multiple(() =>
        {
            Assert.That((string?)atLimit["tier"], Is.EqualTo("Township"));
            Assert.That((decimal?)atLimit["months"], Is.EqualTo(3.0000m));
            Assert.That((string?)above["tier"], Is.EqualTo("County"));
        });
    }

    [Test]
    public async Task CountyTier_TownshipAccountApprovingAboveItsTier_IsRefused_AndChangesNothing_ThenTheCountyApproves()
    {
        var (opened, etag) = await OpenAsync(TownshipClerk(), 5000.00m);
        Assert.That((string?)opened["tier"], Is.EqualTo("County"));

        var refused = await TryStepAsync(TownshipClerk(), opened, etag, "approval", new { reason = "镇审批" });
        var problem = await refused.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.decision-above-tier");
        Assert.That((string?)problem["detail"], Does.Contain("R-43"));
        var unchanged = await GetCaseAsync(CountyOfficer(), opened);
        Assert.Multiple(() =>
        {
            Assert.That((string?)unchanged["status"], Is.EqualTo("Submitted"));
            Assert.That((long?)unchanged["version"], Is.EqualTo((long?)opened["version"]));
        });

        var (approved, _) = await CaseStepAsync(CountyOfficer(), opened, etag, "approval", new { reason = "县民政局审批" });
        Assert.That((string?)approved["status"], Is.EqualTo("Approved"));
    }

    [Test]
    public async Task CaseByCase_WithoutMeetingReference_IsRefused_WithItIsApproved()
    {
        var (opened, etag) = await OpenAsync(TownshipClerk(), 20000.00m);
        Assert.Multiple(() =>
        {
            Assert.That((string?)opened["tier"], Is.EqualTo("CaseByCase"));
            Assert.That((decimal?)opened["months"], Is.EqualTo(19.0476m));
        });

        var withoutReference = await TryStepAsync(CountyOfficer(), opened, etag, "approval", new { reason = "县审批" });
        await withoutReference.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.meeting-reference-required");
        var byTownship = await TryStepAsync(TownshipClerk(), opened, etag, "approval", new { meetingReference = "协调会〔2026〕3号" });
        await byTownship.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.decision-above-tier");

        var (approved, _) = await CaseStepAsync(CountyOfficer(), opened, etag, "approval", new { meetingReference = "协调会〔2026〕3号" });
        Assert.Multiple(() =>
        {
            Assert.That((string?)approved["status"], Is.EqualTo("Approved"));
            Assert.That((string?)approved["meetingReference"], Is.EqualTo("协调会〔2026〕3号"));
        });
    }

    [Test]
    public async Task Refusal_IsDecidedAtTheTier_WithWrittenReasons()
    {
        var (opened, etag) = await OpenAsync(TownshipClerk(), 8000.00m);
        var byTownship = await TryStepAsync(TownshipClerk(), opened, etag, "refusal", new { reasons = "已由医保报销" });
        await byTownship.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.decision-above-tier");
        var withoutReasons = await TryStepAsync(CountyOfficer(), opened, etag, "refusal", new { reasons = " " });
        await withoutReasons.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        var (refused, etag2) = await CaseStepAsync(CountyOfficer(), opened, etag, "refusal", new { reasons = "已由医保报销" });
        Assert.Multiple(() =>
        {
            Assert.That((string?)refused["status"], Is.EqualTo("Refused"));
            Assert.That((string?)refused["refusalReasons"], Is.EqualTo("已由医保报销"));
        });
        var payRefused = await TryStepAsync(CountyOfficer(), refused, etag2, "payment", new { });
        await payRefused.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.invalid-transition");
    }

    [Test]
    public async Task RuralTown_UsesTheRuralStandard_AndAStatedResidenceIsKept()
    {
        var (derived, _) = await OpenAsync(CountyOfficer(), 1000.00m, township: Town);
        var (stated, _) = await OpenAsync(CountyOfficer(), 1000.00m, township: Town, residence: "Urban");
        Assert.Multiple(() =>
        {
            Assert.That((string?)derived["residence"], Is.EqualTo("Rural"), "320682100 长江镇 is a town");
            Assert.That((string?)derived["parameters"]![0]!["key"], Is.EqualTo("dibao.standard.rural"));
            Assert.That((string?)stated["residence"], Is.EqualTo("Urban"));
            Assert.That((string?)stated["residenceBasis"], Is.EqualTo("Stated"));
            Assert.That((string?)stated["parameters"]![0]!["key"], Is.EqualTo("dibao.standard.urban"));
        });
    }

    [Test]
    public async Task StandardOfTheEmergencyDate_MeasuresTheAmount()
    {
        // 2023-10-01: the urban standard was 950.00, so 3000.00 is 3.1579 months, above the township's 3.
        var (opened, _) = await OpenAsync(TownshipClerk(), 3000.00m, occurredOn: "2023-10-01");
        Assert.Multiple(() =>
        {
            Assert.That((decimal?)opened["monthlyStandard"], Is.EqualTo(950.00m));
            Assert.That((string?)opened["tier"], Is.EqualTo("County"));
        });
    }

    [Test]
    public async Task UnemployedMigrantGrant_MustLieInItsBandOfThreeToSixMonths()
    {
        var below = await TownshipClerk().PostJsonAsync("/api/v1/temporary-assistance", MigrantBody(3149.99m));
        var above = await TownshipClerk().PostJsonAsync("/api/v1/temporary-assistance", MigrantBody(6300.01m));
        await below.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.migrant-grant-out-of-band");
        var problem = await above.ProblemAsync(HttpStatusCode.Conflict, "temporary-assistance.migrant-grant-out-of-band");
        Assert.That((string?)problem["detail"], Does.Contain("3150.00").And.Contain("6300.00").And.Contain("S0 三"));

        var (low, _) = await OpenAsync(TownshipClerk(), 3150.00m, migrantGrant: true);
        var (high, _) = await OpenAsync(CountyOfficer(), 6300.00m, migrantGrant: true);
        Assert.Multiple(() =>
        {
            Assert.That((bool?)low["unemployedMigrantGrant"], Is.True);
            Assert.That((string?)low["tier"], Is.EqualTo("Township"));
            Assert.That((string?)high["tier"], Is.EqualTo("County"));
            Assert.That(high["parameters"]!.AsArray().Select(p => (string?)p!["key"]), Does.Contain("temporary.unemployedMigrant.maxMonths"));
        });

        // Rugao's band starts with S0 on 2022-09-19: before it the grant does not exist there.
        var beforeS0 = await TownshipClerk().PostJsonAsync("/api/v1/temporary-assistance", MigrantBody(4000.00m, "2022-09-01"));
        await beforeS0.ProblemAsync(HttpStatusCode.UnprocessableEntity, "policy.parameter-not-in-force");
    }

    [Test]
    public async Task BadInput_IsA400_AndAnotherCountysTownshipIsNotFound()
    {
        var county = await TownshipClerk().PostJsonAsync("/api/v1/temporary-assistance", MigrantBody(1000m) with { TownshipCode = "320682" });
        await county.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var badId = await TownshipClerk().PostJsonAsync("/api/v1/temporary-assistance", MigrantBody(1000m) with { IdNumber = "110101199001011230" });
        await badId.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var fraction = await TownshipClerk().PostJsonAsync("/api/v1/temporary-assistance", MigrantBody(1000.001m));
        await fraction.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var future = await TownshipClerk().PostJsonAsync("/api/v1/temporary-assistance", MigrantBody(1000m, "2026-12-01"));
        await future.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var otherTownship = await TownshipClerk().PostJsonAsync("/api/v1/temporary-assistance", MigrantBody(1000m) with { TownshipCode = "320682002" });
        await otherTownship.ProblemAsync(HttpStatusCode.NotFound, "region.not-found");
    }

    private static Body MigrantBody(decimal amount, string occurredOn = "2026-10-30") =>
        new(Street, "Expenditure", "孙七", NonLocalIdNumber(), occurredOn, "Lost work for three months; no unemployment insurance.", amount, true);

    private sealed record Body(
        string TownshipCode, string Type, string PersonName, string IdNumber, string OccurredOn, string Description, decimal AmountRequested, bool UnemployedMigrantGrant);
}
