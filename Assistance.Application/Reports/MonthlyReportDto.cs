namespace Assistance.Application.Reports;

using System.ComponentModel.DataAnnotations;
using Assistance.Domain.Applications;

/// <summary>
/// The monthly report of a region subtree: per region (the requested one and every region below it that holds
/// data, each aggregated over its own subtree) and per programme. Figures that live on other modules are null and
/// named in <c>NotYetWired</c>.
/// </summary>
/// <param name="RegionCode">The requested region.</param>
/// <param name="Month">YYYY-MM.</param>
/// <param name="Regions">The requested region first, then the regions below it with data, by code.</param>
/// <param name="NotYetWired">Figures this build does not compute yet (null in every row), with the module they come from.</param>
public sealed record MonthlyReportDto(
    [property: MaxLength(12)] string RegionCode,
    [property: MaxLength(7)] string Month,
    [property: MaxLength(10000)] IReadOnlyList<RegionMonthlyFiguresDto> Regions,
    [property: MaxLength(10)] IReadOnlyList<MonthlyReportFigure> NotYetWired);

/// <summary>A figure of the monthly report that comes from another module: payment rolls, price subsidies, reviews .</summary>
public enum MonthlyReportFigure
{
    AmountsPaid,
    PriceSubsidies,
    ReviewsDue,
    ReviewsDoneOnTime,
}

/// <summary>One region's figures, over its whole subtree.</summary>
/// <param name="RegionCode">The region.</param>
/// <param name="ParentCode">Its parent (null for national).</param>
/// <param name="Programmes">One row per programme, zeros included.</param>
/// <param name="TemporaryAssistance">Temporary-assistance cases and amounts of the month.</param>
public sealed record RegionMonthlyFiguresDto(
    [property: MaxLength(12)] string RegionCode,
    [property: MaxLength(12)] string? ParentCode,
    [property: MaxLength(10)] IReadOnlyList<ProgrammeMonthlyFiguresDto> Programmes,
    TemporaryAssistanceMonthlyFiguresDto TemporaryAssistance);

/// <summary>A programme's figures for the month.</summary>
/// <param name="Programme">Dibao, Tekun, DibaoMarginal or ExpenditureHardship.</param>
/// <param name="Households">Distinct households with an enrolment in force in the month.</param>
/// <param name="Persons">Persons covered by those enrolments.</param>
/// <param name="MonthlyAmountsInForce">Sum of the monthly amounts of the enrolments in force (yuan).</param>
/// <param name="NewEnrolments">Enrolments approved in the month.</param>
/// <param name="EndedEnrolments">Enrolments ended in the month.</param>
/// <param name="AmountsPaid">Paid by the month's payment rolls: not wired yet (null).</param>
/// <param name="PriceSubsidies">Price subsidies of the month: not wired yet (null).</param>
/// <param name="ReviewsDue">Reviews due in the month: not wired yet (null).</param>
/// <param name="ReviewsDoneOnTime">Reviews done on time: not wired yet (null).</param>
public sealed record ProgrammeMonthlyFiguresDto(
    Programme Programme,
    [property: Range(0, int.MaxValue)] int Households,
    [property: Range(0, int.MaxValue)] int Persons,
    decimal MonthlyAmountsInForce,
    [property: Range(0, int.MaxValue)] int NewEnrolments,
    [property: Range(0, int.MaxValue)] int EndedEnrolments,
    decimal? AmountsPaid,
    decimal? PriceSubsidies,
    [property: Range(0, int.MaxValue)] int? ReviewsDue,
    [property: Range(0, int.MaxValue)] int? ReviewsDoneOnTime);

/// <summary>Temporary assistance (R-42 … R-45) in the month.</summary>
/// <param name="CasesOpened">Cases recorded in the month.</param>
/// <param name="CasesPaid">Cases paid in the month.</param>
/// <param name="AmountPaid">Yuan paid in the month from the reserve funds.</param>
/// <param name="FirstAidPayments">Of the cases paid, those paid first (先行救助).</param>
public sealed record TemporaryAssistanceMonthlyFiguresDto(
    [property: Range(0, int.MaxValue)] int CasesOpened,
    [property: Range(0, int.MaxValue)] int CasesPaid,
    decimal AmountPaid,
    [property: Range(0, int.MaxValue)] int FirstAidPayments);
