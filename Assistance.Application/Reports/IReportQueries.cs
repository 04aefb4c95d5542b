namespace Assistance.Application.Reports;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;

/// <summary>Enrolment figures of one region code (a leaf of the roll-up) and programme for a month.</summary>
public sealed record ProgrammeFigureRow(string RegionCode, Programme Programme, int Households, int Persons, decimal MonthlyAmounts, int NewEnrolments, int EndedEnrolments);

/// <summary>Temporary-assistance figures of one region code for a month.</summary>
public sealed record TemporaryAssistanceFigureRow(string RegionCode, int CasesOpened, int CasesPaid, decimal AmountPaid, int FirstAidPayments);

/// <summary>
/// Payment-roll figures of one region code and programme for a roll month. RollNetAmount: net (amount −
/// deduction) of every live line of the current (not superseded) roll versions of the month. AmountsPaid: net of the
/// lines of the month's rolls (any version: a paid line stays in the version it was paid from, and is never repeated)
/// that the bank returned Paid. PriceSubsidyLines/PriceSubsidies: the PriceSubsidy lines of the current versions.
/// </summary>
public sealed record RollFigureRow(string RegionCode, Programme Programme, decimal RollNetAmount, decimal AmountsPaid, int PriceSubsidyLines, decimal PriceSubsidies);

/// <summary>
/// Review figures of one region code and programme: due dates falling in the month (of enrolments not ended
/// before the date), and of those the ones whose review was recorded with a review date on or before the due date.
/// </summary>
public sealed record ReviewFigureRow(string RegionCode, Programme Programme, int ReviewsDue, int ReviewsDoneOnTime);

public interface IReportQueries
{
    /// <summary>Grouped by region code and programme in SQL; the handler rolls the rows up the region tree.</summary>
    Task<IReadOnlyList<ProgrammeFigureRow>> ProgrammeFiguresAsync(RegionScope scope, DateOnly monthStart, CancellationToken cancellationToken);

    Task<IReadOnlyList<TemporaryAssistanceFigureRow>> TemporaryAssistanceFiguresAsync(RegionScope scope, DateOnly monthStart, CancellationToken cancellationToken);

    Task<IReadOnlyList<RollFigureRow>> RollFiguresAsync(RegionScope scope, DateOnly monthStart, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewFigureRow>> ReviewFiguresAsync(RegionScope scope, DateOnly monthStart, CancellationToken cancellationToken);
}
