namespace Assistance.Application.Reports.MedicalInsuranceChanges;

using Assistance.Application.Abstractions;

/// <summary>R-37: persons who became or stopped being beneficiaries in a month (YYYY-MM) in a region subtree.</summary>
public sealed record MedicalInsuranceChangesQuery(string? RegionCode, string? Month, int? Limit, string? Cursor) : IQuery<MedicalInsuranceChangesReport>;
