namespace Assistance.Domain.Tests.Applications;

using Assistance.Domain.Applications;
using Assistance.Domain.Regions;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

/// <summary>Moves an application along its lifecycle for tests.</summary>
public static class ApplicationBuilder
{
    public const string Actor = "caseworker";
    public static readonly string[] TwoInvestigators = ["张三", "李四"];

    /// <summary>The deadline.* parameters of the real packs for 320682 (the national baseline: no regional override).</summary>
    public static readonly StatutoryTimeLimits Limits = new(Support.PolicyData.Resolver, RegionCode.Parse("320682"));

    public static Application Submitted(Programme programme = Programme.Dibao, string on = "2025-01-20", IEnumerable<ConflictOfInterestMatch>? conflicts = null) =>
        Application.Submit(Submission(programme, ApplicationChannel.Window, registeredInRegion: true, residencePermit: false, D(on), "申请") with
        {
            Conflicts = [.. conflicts ?? []],
        });

    public static ApplicationSubmission Submission(
        Programme programme, ApplicationChannel channel, bool registeredInRegion, bool residencePermit, DateOnly on, string? reason) => new()
        {
            Id = Guid.CreateVersion7(),
            Region = RegionCode.Parse("320682"),
            HouseholdId = Guid.NewGuid(),
            ApplicantMemberId = Guid.NewGuid(),
            ApplicantStatus = Assistance.Domain.Households.MemberStatus.Present,
            OpenApplicationId = null,
            Programme = programme,
            Channel = channel,
            SignedCommitment = true,
            HouseholdRegisteredInRegion = registeredInRegion,
            ResidencePermit = residencePermit,
            SubmittedOn = on,
            Actor = Actor,
            Reason = reason,
        };

    public static Application Verifying(Programme programme = Programme.Dibao, string acceptedOn = "2025-01-24", IEnumerable<ConflictOfInterestMatch>? conflicts = null)
    {
        var a = Submitted(programme, acceptedOn, conflicts);
        a.Accept(D(acceptedOn), Actor, "材料齐全");
        a.RequestVerification(D(acceptedOn), Actor, null);
        return a;
    }

    public static void RecordAllSources(Application a, string on)
    {
        foreach (var source in Enum.GetValues<VerificationSource>())
        {
            a.RecordVerificationResult(source, VerificationOutcome.Pass, null, D(on), "county", null);
        }
    }

    /// <summary>Accepted on <paramref name="acceptedOn"/>, checked, surveyed, notice opened and closed on the given days.</summary>
    public static Application AwaitingDecision(
        Programme programme = Programme.Dibao, string acceptedOn = "2025-03-03", string noticeOn = "2025-03-06", string closeOn = "2025-03-14",
        bool verify = true, IEnumerable<ConflictOfInterestMatch>? conflicts = null)
    {
        var a = Verifying(programme, acceptedOn, conflicts);
        if (verify)
        {
            RecordAllSources(a, acceptedOn);
        }

        a.RecordHomeSurvey(TwoInvestigators, "家中无车辆", D(acceptedOn), Actor, null);
        a.OpenPublicNotice(D(noticeOn), Actor, null);
        a.ClosePublicNotice(D(closeOn), Actor, "无异议", Calendar, Limits);
        return a;
    }
}
