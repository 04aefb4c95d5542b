namespace Assistance.Application.Reports;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;

/// <summary>Enrolment figures of one region code (a leaf of the roll-up) and programme for a month.</summary>
public sealed record ProgrammeFigureRow(string RegionCode, Programme Programme, int Households, int Persons, decimal MonthlyAmounts, int NewEnrolments, int EndedEnrolments);

/// <summary>Temporary-assistance figures of one region code for a month.</summary>
public sealed record TemporaryAssistanceFigureRow(string RegionCode, int CasesOpened, int CasesPaid, decimal AmountPaid, int FirstAidPayments);

public interface IReportQueries
{
    /// <summary>Grouped by region code and programme in SQL; the handler rolls the rows up the region tree.</summary>
    Task<IReadOnlyList<ProgrammeFigureRow>> ProgrammeFiguresAsync(RegionScope scope, DateOnly monthStart, CancellationToken cancellationToken);

    Task<IReadOnlyList<TemporaryAssistanceFigureRow>> TemporaryAssistanceFiguresAsync(RegionScope scope, DateOnly monthStart, CancellationToken cancellationToken);
}
