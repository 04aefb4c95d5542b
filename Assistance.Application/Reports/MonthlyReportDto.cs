namespace Assistance.Application.Reports;

using System.ComponentModel.DataAnnotations;
using Assistance.Domain.Applications;

/// <summary>
/// The monthly report of a region subtree: per region (the requested one and every region below it that holds
/// data, each aggregated over its own subtree) and per programme.
/// </summary>
/// <param name="RegionCode">The requested region.</param>
/// <param name="Month">YYYY-MM.</param>
/// <param name="Regions">The requested region first, then the regions below it with data, by code.</param>
public sealed record MonthlyReportDto(
    [property: MaxLength(12)] string RegionCode,
    [property: MaxLength(7)] string Month,
    [property: MaxLength(10000)] IReadOnlyList<RegionMonthlyFiguresDto> Regions);

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
/// <param name="RollNetAmount">
/// Net amount (amount − overpayment deduction) of the live lines of the current (not superseded) payment-roll versions
/// of this month: what the month's rolls send to the bank, price-subsidy and re-issued lines included (yuan).
/// </param>
/// <param name="AmountsPaid">
/// Net amount of the lines of this month's payment rolls (any version) that the bank returned Paid (yuan). Pending and
/// Failed lines are not paid; a line paid before its roll was regenerated counts once, in the version it was paid from.
/// </param>
/// <param name="PriceSubsidyLines">Price-subsidy lines in the current roll versions of this month.</param>
/// <param name="PriceSubsidies">Amount of those price-subsidy lines (yuan, before deductions).</param>
/// <param name="ReviewsDue">
/// Review due dates falling in this month, of enrolments in force on that date: the dates answered by a recorded
/// review and the dates still outstanding.
/// </param>
/// <param name="ReviewsDoneOnTime">Of those, the ones answered by a review dated on or before its due date.</param>
public sealed record ProgrammeMonthlyFiguresDto(
    Programme Programme,
    [property: Range(0, int.MaxValue)] int Households,
    [property: Range(0, int.MaxValue)] int Persons,
    decimal MonthlyAmountsInForce,
    [property: Range(0, int.MaxValue)] int NewEnrolments,
    [property: Range(0, int.MaxValue)] int EndedEnrolments,
    decimal RollNetAmount,
    decimal AmountsPaid,
    [property: Range(0, int.MaxValue)] int PriceSubsidyLines,
    decimal PriceSubsidies,
    [property: Range(0, int.MaxValue)] int ReviewsDue,
    [property: Range(0, int.MaxValue)] int ReviewsDoneOnTime);

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
