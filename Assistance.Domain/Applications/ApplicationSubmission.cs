namespace Assistance.Domain.Applications;

using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>What a new application (申请) is submitted with: named members instead of a long list of bare flags.</summary>
public sealed record ApplicationSubmission
{
    public required Guid Id { get; init; }

    /// <summary>The region the application is submitted in.</summary>
    public required RegionCode Region { get; init; }

    public required Guid HouseholdId { get; init; }

    public required Guid ApplicantMemberId { get; init; }

    /// <summary>The applicant's status in the household; null when the applicant is not one of its members.</summary>
    public required MemberStatus? ApplicantStatus { get; init; }

    /// <summary>The household's open application of the same programme, if it has one .</summary>
    public required Guid? OpenApplicationId { get; init; }

    public required Programme Programme { get; init; }

    public required ApplicationChannel Channel { get; init; }

    /// <summary>告知承诺 signed: replaces certificates (S2 六(二十一)).</summary>
    public required bool SignedCommitment { get; init; }

    /// <summary>The household's registration (户籍) lies in <see cref="Region"/>.</summary>
    public required bool HouseholdRegisteredInRegion { get; init; }

    /// <summary>The applicant declared a residence permit (居住证) for <see cref="Region"/>.</summary>
    public required bool ResidencePermit { get; init; }

    /// <summary>Members who are registered close relatives of staff or village cadres .</summary>
    public IReadOnlyList<ConflictOfInterestMatch> Conflicts { get; init; } = [];

    public required DateOnly SubmittedOn { get; init; }

    public required string Actor { get; init; }

    public string? Reason { get; init; }
}
