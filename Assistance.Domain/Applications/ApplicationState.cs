namespace Assistance.Domain.Applications;

using Assistance.Domain.Common;

/// <summary>The persisted state of an application (the repository stores it; the aggregate guards it).</summary>
public sealed record ApplicationState
{
    public Guid Id { get; init; }

    public string RegionCode { get; init; } = string.Empty;

    public Guid HouseholdId { get; init; }

    public Guid ApplicantMemberId { get; init; }

    public Programme Programme { get; init; }

    public ApplicationChannel Channel { get; init; }

    public bool SignedCommitment { get; init; }

    public bool ResidencePermit { get; init; }

    public DateOnly SubmittedOn { get; init; }

    public ApplicationStatus Status { get; init; }

    public long Version { get; init; }

    public DateOnly? AcceptedOn { get; init; }

    public DateOnly? VerificationRequestedOn { get; init; }

    public DateOnly? NoticeOpenedOn { get; init; }

    public DateOnly? NoticeClosedOn { get; init; }

    public bool Extended { get; init; }

    public bool RandomCheckSelected { get; init; }

    public Decision? Decision { get; init; }

    public DateOnly? RefusalNoticeIssuedOn { get; init; }

    public IReadOnlyList<Guid>? EnrolmentIds { get; init; }

    public IReadOnlyList<VerificationResult>? VerificationResults { get; init; }

    public IReadOnlyList<HomeSurvey>? Surveys { get; init; }

    public IReadOnlyList<Objection>? Objections { get; init; }

    public IReadOnlyList<CountyHomeVisit>? CountyVisits { get; init; }

    public IReadOnlyList<ConflictOfInterestMatch>? Conflicts { get; init; }

    public IReadOnlyList<ApplicationEvent>? History { get; init; }
}
