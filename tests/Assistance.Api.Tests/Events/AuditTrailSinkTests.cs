namespace Assistance.Api.Tests.Events;

using System.Text.Json;
using System.Text.Json.Serialization;
using Assistance.Application.Abstractions;
using Assistance.Application.Events;
using Assistance.Domain.Applications;
using Assistance.Domain.CloseRelatives;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>
/// The event → audit row mapping, without a database: each row keeps the shape the handlers wrote by hand (entity,
/// action, before/after as the audit log serializes them, reason).
/// </summary>
public sealed class AuditTrailSinkTests
{
    // As the audit log serializes before/after (AuditLog in Infrastructure); unescaped, as jsonb stores the text.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly RegionCode County = RegionCode.Parse("320682");
    private static readonly DateOnly Day = new(2026, 3, 16);
    private static readonly object Command = new { Note = "command" };

    private static string? J(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    private static AuditEntry Single(Assistance.Domain.Common.IDomainEvent e) => AuditTrailSink.Entries([e], Command).Single();

    [Test]
    public void CareAgreementCreated_IsTheCreatedRow_WithTheAgreementAsStored()
    {
        var id = Guid.NewGuid();
        var enrolmentId = Guid.NewGuid();
        var state = new CareAgreementState(id, County, enrolmentId, "张阿姨", "13800000000", "每日送餐", 30, Day, null, 1);
        var row = Single(new CareAgreementCreated(state, "签订协议"));
        Assert.Multiple(() =>
        {
            Assert.That((row.EntityType, row.EntityId, row.Action, row.Region, row.Before, row.Reason),
                Is.EqualTo(("CareAgreement", id.ToString(), "Created", County, (object?)null, "签订协议")));
            Assert.That(J(row.After), Is.EqualTo(
                $$"""{"id":"{{id}}","regionCode":"320682","enrolmentId":"{{enrolmentId}}","carerName":"张阿姨","carerPhone":"13800000000","duties":"每日送餐","visitFrequencyDays":30,"startsOn":"2026-03-16","lastVisitOn":null,"version":1}"""));
        });
    }

    [Test]
    public void CareVisitRecorded_IsTheVisitRecordedRow_WithTheLastVisitBefore()
    {
        var id = Guid.NewGuid();
        var visit = new CareVisit(Guid.NewGuid(), Day, "王五", "身体良好");
        var row = Single(new CareVisitRecorded(id, County, new DateOnly(2026, 2, 1), visit));
        Assert.Multiple(() =>
        {
            Assert.That((row.EntityType, row.EntityId, row.Action, row.Reason), Is.EqualTo(("CareAgreement", id.ToString(), "VisitRecorded", (string?)null)));
            Assert.That(J(row.Before), Is.EqualTo("""{"lastVisitOn":"2026-02-01"}"""));
            Assert.That(J(row.After), Is.EqualTo($$"""{"id":"{{visit.Id}}","visitedOn":"2026-03-16","visitor":"王五","notes":"身体良好"}"""));
        });
    }

    [Test]
    public void CloseRelativeRegistered_IsTheRegisteredRow_WithTheIdNumberMasked()
    {
        var id = Guid.NewGuid();
        var registration = new CloseRelativeRegistration(
            id, County, "李四", StaffRole.VillageCadre, "李小四", NationalId.Parse("320682195001010011"), "子女", Day);
        var row = Single(new CloseRelativeRegistered(registration, "备案"));
        Assert.Multiple(() =>
        {
            Assert.That((row.EntityType, row.EntityId, row.Action, row.Reason), Is.EqualTo(("CloseRelative", id.ToString(), "Registered", "备案")));
            Assert.That(J(row.After), Is.EqualTo(
                $$"""{"id":"{{id}}","regionCode":"320682","staffName":"李四","staffRole":"VillageCadre","relativeName":"李小四","relativeIdNumber":"320682********0011","relationship":"子女","registeredOn":"2026-03-16"}"""));
            Assert.That(J(row.After), Does.Not.Contain("195001010011"));
        });
    }

    [Test]
    public void ARejection_IsTheRejectedRow_WithStatusAndDecision()
    {
        var id = Guid.NewGuid();
        var decision = new Decision(DecisionKind.Reject, Day, "收入超标", "county");
        var row = Single(new ApplicationDecided(id, County, "Rejected", Day, "county", "收入超标", ApplicationStatus.AwaitingDecision, ApplicationStatus.Rejected, decision));
        Assert.Multiple(() =>
        {
            Assert.That((row.EntityType, row.EntityId, row.Action, row.Reason), Is.EqualTo(("Application", id.ToString(), "Rejected", "收入超标")));
            Assert.That(J(row.Before), Is.EqualTo("""{"status":"AwaitingDecision"}"""));
            Assert.That(J(row.After), Is.EqualTo(
                """{"status":"Rejected","decision":{"kind":"Reject","decidedOn":"2026-03-16","reasons":"收入超标","decidedBy":"county"}}"""));
        });
    }

    [Test]
    public void AnApproval_IsTheApprovedRow_WithTheAssessmentItCarries()
    {
        var decision = new Decision(DecisionKind.Approve, Day, "符合条件", "county");
        var e = new ApplicationDecided(Guid.NewGuid(), County, "Approved", Day, "county", "符合条件", ApplicationStatus.AwaitingDecision, ApplicationStatus.Approved, decision)
        {
            Assessment = new ApprovalAssessment(AssessmentOutcome.Dibao, 1300.00m),
        };
        var row = Single(e);
        Assert.Multiple(() =>
        {
            Assert.That(row.Action, Is.EqualTo("Approved"));
            Assert.That(J(row.After), Is.EqualTo(
                """{"status":"Approved","decision":{"kind":"Approve","decidedOn":"2026-03-16","reasons":"符合条件","decidedBy":"county"},"assessment":"Dibao","monthlyAmount":1300.00}"""));
        });
    }

    [Test]
    public void AnApproval_WithoutAnEngine_IsTheApprovedRow_ThenTheAssessmentUnavailableRow()
    {
        var id = Guid.NewGuid();
        var decision = new Decision(DecisionKind.Approve, Day, string.Empty, "county");
        var e = new ApplicationDecided(id, County, "Approved", Day, "county", null, ApplicationStatus.AwaitingDecision, ApplicationStatus.Approved, decision)
        {
            Assessment = ApprovalAssessment.Unavailable,
        };
        var rows = AuditTrailSink.Entries([e], Command).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Action), Is.EqualTo(new[] { "Approved", "AssessmentUnavailable" }));
            Assert.That(J(rows[0].After), Does.EndWith(""","assessment":"unavailable","monthlyAmount":null}"""));
            Assert.That((rows[1].EntityId, rows[1].Before, rows[1].After), Is.EqualTo((id.ToString(), (object?)null, (object?)null)));
            Assert.That(rows[1].Reason, Is.EqualTo("No eligibility engine is wired in: enrolment waits for an assessment."));
        });
    }

    [Test]
    public void Enrolled_IsTheEnrolledRow_NamingTheEnrolment()
    {
        var enrolmentId = Guid.NewGuid();
        var row = Single(new ApplicationEnrolled(Guid.NewGuid(), County, Day, "county", "x", ApplicationStatus.Approved, ApplicationStatus.Enrolled, [enrolmentId]));
        Assert.Multiple(() =>
        {
            Assert.That(row.Action, Is.EqualTo("Enrolled"));
            Assert.That(J(row.Before), Is.EqualTo("""{"status":"Approved"}"""));
            Assert.That(J(row.After), Is.EqualTo($$"""{"status":"Enrolled","enrolmentId":"{{enrolmentId}}"}"""));
            Assert.That(row.Reason, Is.EqualTo($"Enrolment {enrolmentId} created."));
        });
    }

    [Test]
    public void SelectedForRandomCheck_IsItsRow_WithTheFlagAndReason()
    {
        var row = Single(new ApplicationSelectedForRandomCheck(
            Guid.NewGuid(), County, Day, "county", "County random home check (≥30%, N-43).", ApplicationStatus.AwaitingDecision, ApplicationStatus.AwaitingDecision));
        Assert.Multiple(() =>
        {
            Assert.That((row.Action, row.Before, row.Reason), Is.EqualTo(("SelectedForRandomCheck", (object?)null, "County random home check (≥30%, N-43).")));
            Assert.That(J(row.After), Is.EqualTo("""{"randomCheckSelected":true}"""));
        });
    }

    [Test]
    public void AHouseholdChange_IsItsRow_WithBeforeAndAfterMasked()
    {
        var id = NationalId.Parse("32068219500312001" + NationalId.CheckCharacterFor("32068219500312001"));
        var details = new MemberDetails(id, "张三", Relationship.Head, MemberStatus.Present, LaborCapacity.Full, null, false, SelfCareLevel.SelfCare, false, false, false, []);
        var now = new DateTimeOffset(2026, 3, 16, 1, 0, 0, TimeSpan.Zero);
        var household = Household.Register(Guid.NewGuid(), RegionCode.Parse("320682001"), ResidenceType.Urban, "如皋", AssetHoldings.None, 0m, [(Guid.NewGuid(), details)], now);
        household.MarkSaved(1, now);
        var created = Single(household.DomainEvents.Single());
        household.UpdateMember(household.Members[0].Id, details with { Name = "张三丰" });
        household.MarkSaved(2, now.AddMinutes(1));
        var updated = Single(household.DomainEvents[^1]);
        Assert.Multiple(() =>
        {
            Assert.That((created.EntityType, created.EntityId, created.Action, created.Region, created.Before), Is.EqualTo(("Household", household.Id.ToString(), "Created", RegionCode.Parse("320682001"), (object?)null)));
            Assert.That(J(created.After), Does.Contain("\"idNumber\":\"" + id.Masked + "\"").And.Contain("\"version\":1"));
            Assert.That(J(created.After), Does.Not.Contain(id.Value));
            Assert.That(updated.Action, Is.EqualTo("MemberUpdated"));
            Assert.That(J(updated.Before), Does.Contain("\"name\":\"张三\"").And.Contain("\"version\":1"));
            Assert.That(J(updated.After), Does.Contain("\"name\":\"张三丰\"").And.Contain("\"version\":2"));
        });
    }

    [Test]
    public void ACalendarYearReplaced_IsItsNationalRow_WithBothVersions()
    {
        var old = new Assistance.Domain.Calendar.CalendarYear(2026, [new(new DateOnly(2026, 1, 1), "元旦")], [], "国办发明电〔2025〕7号");
        var corrected = new Assistance.Domain.Calendar.CalendarYear(2026, [new(new DateOnly(2026, 1, 1), "元旦"), new(new DateOnly(2026, 1, 2), "元旦")], [], "国办发明电〔2025〕7号");
        var publication = Assistance.Domain.Calendar.CalendarYearPublication.Publish(corrected, (old, 3), "更正");
        var row = Single(publication.DomainEvents.Single());
        Assert.Multiple(() =>
        {
            Assert.That((row.EntityType, row.EntityId, row.Action, row.Region, row.Reason), Is.EqualTo(("CalendarYear", "2026", "Replaced", RegionCode.National, "更正")));
            Assert.That(J(row.Before), Does.Contain("\"version\":3").And.Not.Contain("2026-01-02"));
            Assert.That(J(row.After), Does.Contain("\"version\":4").And.Contain("2026-01-02"));
        });
    }
}
