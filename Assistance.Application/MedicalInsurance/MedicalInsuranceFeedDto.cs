namespace Assistance.Application.MedicalInsurance;

/// <summary>What a feed run produced.</summary>
/// <param name="EventId">The feed event's id: the same for the same month and region, so a repeated run adds nothing.</param>
/// <param name="Month">The month (yyyy-MM).</param>
/// <param name="RegionCode">The region subtree the feed covers.</param>
/// <param name="Added">Persons who became beneficiaries in the month.</param>
/// <param name="Removed">Persons who stopped being beneficiaries in the month.</param>
/// <param name="Produced">False when this month's feed for the region was produced before (nothing new is sent).</param>
public sealed record MedicalInsuranceFeedDto(Guid EventId, string Month, string RegionCode, int Added, int Removed, bool Produced);
