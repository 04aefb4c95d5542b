namespace Assistance.Application.MedicalInsurance.ProduceMonthlyMedicalInsuranceFeed;

using Assistance.Application.Abstractions;

/// <summary>
/// the month's new and removed beneficiaries of a region subtree as one MonthlyMedicalInsuranceFeed event for
/// the medical-insurance bureau (一站式结算 needs to know who is a beneficiary), delivered through the outbox like every
/// partner event. Run by the scheduler once a month for the month just ended (per county, or nationally).
/// </summary>
/// <param name="Month">yyyy-MM.</param>
/// <param name="RegionCode">The subtree (defaults to the caller's region).</param>
public sealed record ProduceMonthlyMedicalInsuranceFeedCommand(string? Month, string? RegionCode) : ICommand<MedicalInsuranceFeedDto>;
