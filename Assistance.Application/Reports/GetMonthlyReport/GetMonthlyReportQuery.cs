namespace Assistance.Application.Reports.GetMonthlyReport;

using Assistance.Application.Abstractions;

/// <summary>R-62: the monthly report of a region subtree (defaults to the caller's region) for month YYYY-MM.</summary>
public sealed record GetMonthlyReportQuery(string? RegionCode, string Month) : IQuery<MonthlyReportDto>;
