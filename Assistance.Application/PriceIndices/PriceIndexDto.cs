namespace Assistance.Application.PriceIndices;

using System.ComponentModel.DataAnnotations;

/// <summary>CPI and food CPI year-on-year of one index month, as published .</summary>
/// <param name="Id">Index id.</param>
/// <param name="RegionCode">Region the statistics office published it for (a province, city or county).</param>
/// <param name="IndexMonth">The month measured, yyyy-MM.</param>
/// <param name="CpiPercent">CPI year-on-year, percent.</param>
/// <param name="FoodCpiPercent">Food CPI year-on-year, percent.</param>
/// <param name="PublishedOn">Publication date: the subsidy lands in the roll of this month.</param>
/// <param name="Source">The publication.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When.</param>
public sealed record PriceIndexDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    [property: MaxLength(7)] string IndexMonth,
    decimal CpiPercent,
    decimal FoodCpiPercent,
    DateOnly PublishedOn,
    [property: MaxLength(500)] string Source,
    [property: MaxLength(200)] string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>Whether the price subsidy of one publication month was paid by its deadline (R-41; S1 一.4).</summary>
/// <param name="RegionCode">Region.</param>
/// <param name="Month">Publication month, yyyy-MM.</param>
/// <param name="PriceIndexId">The index published that month for the region (or its nearest ancestor), or null.</param>
/// <param name="IndexMonth">Its index month.</param>
/// <param name="Triggered">Whether R-41 triggered a subsidy.</param>
/// <param name="Detail">The R-41 decision in words and numbers.</param>
/// <param name="Deadline">Last day to pay (priceSubsidy.paymentDeadline: end of the publication month).</param>
/// <param name="Lines">Subsidy lines in current rolls.</param>
/// <param name="Amount">Their amount.</param>
/// <param name="PaidLines">Lines marked Paid.</param>
/// <param name="PaidByDeadline">Lines whose payment was recorded on or before the deadline.</param>
/// <param name="PaidAmount">Amount paid.</param>
/// <param name="OnTime">True when triggered and every line was paid by the deadline; false when a line is late or unpaid; null when not triggered.</param>
public sealed record PriceSubsidyReportDto(
    [property: MaxLength(12)] string RegionCode,
    [property: MaxLength(7)] string Month,
    Guid? PriceIndexId,
    [property: MaxLength(7)] string? IndexMonth,
    bool Triggered,
    [property: MaxLength(2000)] string Detail,
    DateOnly Deadline,
    [property: Range(0, int.MaxValue)] int Lines,
    decimal Amount,
    [property: Range(0, int.MaxValue)] int PaidLines,
    [property: Range(0, int.MaxValue)] int PaidByDeadline,
    decimal PaidAmount,
    bool? OnTime);

/// <summary>Subsidy lines and their payments for one index in a region.</summary>
public sealed record SubsidyPaymentCounts(int Lines, decimal Amount, int PaidLines, int PaidByDeadline, decimal PaidAmount);
