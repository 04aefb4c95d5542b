namespace Assistance.Application.Applications.SubmitApplication;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;

/// <summary>
/// a registered household applies through one of its members. <c>RegionCode</c> is where the application is
/// filed (defaults to the household's region); filing elsewhere needs a residence permit there.
/// </summary>
public sealed record SubmitApplicationCommand(
    Guid HouseholdId,
    Programme Programme,
    ApplicationChannel Channel,
    Guid ApplicantMemberId,
    bool SignedCommitment,
    string? RegionCode,
    bool ResidencePermit,
    string? Reason) : ICommand<ApplicationDto>;
