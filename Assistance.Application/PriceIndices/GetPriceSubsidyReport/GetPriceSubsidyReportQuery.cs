namespace Assistance.Application.PriceIndices.GetPriceSubsidyReport;

using Assistance.Application.Abstractions;

/// <summary>Whether the price subsidy published in a month was paid by its deadline in a county .</summary>
public sealed record GetPriceSubsidyReportQuery(string? RegionCode, string? Month) : IQuery<PriceSubsidyReportDto>;
