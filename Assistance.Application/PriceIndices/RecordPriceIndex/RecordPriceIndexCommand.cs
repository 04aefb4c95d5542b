namespace Assistance.Application.PriceIndices.RecordPriceIndex;

using Assistance.Application.Abstractions;

/// <summary>Records a published CPI / food CPI year-on-year of an index month .</summary>
public sealed record RecordPriceIndexCommand(string? RegionCode, string? IndexMonth, decimal CpiPercent, decimal FoodCpiPercent, DateOnly PublishedOn, string? Source)
    : ICommand<PriceIndexDto>;
