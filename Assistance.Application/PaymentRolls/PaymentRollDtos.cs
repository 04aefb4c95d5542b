namespace Assistance.Application.PaymentRolls;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Assistance.Domain.Applications;
using Assistance.Domain.Payments;

/// <summary>One control total of a roll: a line kind (or <c>All</c>, or <c>ReIssue</c> for re-issued failed lines).</summary>
/// <param name="Kind">Line kind, ReIssue, or All for the whole roll.</param>
/// <param name="LineCount">Number of lines.</param>
/// <param name="Amount">Sum of their amounts in yuan.</param>
/// <param name="Deduction">Sum of the overpayments deducted from them (R-33, payments.overpaymentHandling = Deduct).</param>
/// <param name="NetAmount">Amount − deduction: what the bank pays out.</param>
public sealed record PaymentRollTotalDto(
    [property: MaxLength(40)] string Kind, [property: Range(0, int.MaxValue)] int LineCount, decimal Amount, decimal Deduction, decimal NetAmount);

/// <summary>A payment roll version (发放名册, R-40) with its control totals (the disbursement envelope).</summary>
/// <param name="Id">Roll version id.</param>
/// <param name="RegionCode">Region (county) the roll pays.</param>
/// <param name="Month">Month paid, yyyy-MM.</param>
/// <param name="Programme">Programme paid.</param>
/// <param name="Version">1 for the first generation, +1 for each regeneration.</param>
/// <param name="Status">Current, or Superseded by a later version.</param>
/// <param name="Supersedes">The version this one replaced, or null.</param>
/// <param name="SupersededBy">The version that replaced this one, or null.</param>
/// <param name="SupersededAt">When it was replaced.</param>
/// <param name="PriceIndexId">The price index whose subsidy this roll pays, or null.</param>
/// <param name="GeneratedBy">Who generated it.</param>
/// <param name="GeneratedAt">When.</param>
/// <param name="Reason">Why it was regenerated (null for a first generation).</param>
/// <param name="LineCount">Control total: number of lines.</param>
/// <param name="TotalAmount">Control total: sum of the amounts in yuan.</param>
/// <param name="Totals">Control totals per line kind (ReIssue for re-issued lines).</param>
/// <param name="TotalDeduction">Control total: overpayments deducted (R-33, payments.overpaymentHandling = Deduct).</param>
/// <param name="NetAmount">Control total: amount − deduction, what the bank pays out.</param>
public sealed record PaymentRollDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    [property: MaxLength(7)] string Month,
    Programme Programme,
    [property: Range(1, int.MaxValue)] int Version,
    [property: MaxLength(20)] string Status,
    Guid? Supersedes,
    Guid? SupersededBy,
    DateTimeOffset? SupersededAt,
    Guid? PriceIndexId,
    [property: MaxLength(200)] string GeneratedBy,
    DateTimeOffset GeneratedAt,
    [property: MaxLength(2000)] string? Reason,
    [property: Range(0, int.MaxValue)] int LineCount,
    decimal TotalAmount,
    [property: MaxLength(20)] IReadOnlyList<PaymentRollTotalDto> Totals,
    decimal TotalDeduction,
    decimal NetAmount);

/// <summary>One roll line.</summary>
/// <param name="Id">Line id (the bank return file names it).</param>
/// <param name="RollId">Roll version.</param>
/// <param name="RegionCode">The enrolment's region.</param>
/// <param name="Kind">What the line pays.</param>
/// <param name="EnrolmentId">The enrolment paid.</param>
/// <param name="HouseholdId">The household.</param>
/// <param name="PersonMemberId">The tekun or single person, null for a household line.</param>
/// <param name="ApplicationId">The approval the enrolment rests on (amount changes since then: see the line's basis).</param>
/// <param name="Period">Month the money is for, yyyy-MM (the index month for a price subsidy).</param>
/// <param name="Amount">Yuan.</param>
/// <param name="Persons">Covered persons (price subsidy lines).</param>
/// <param name="PriceIndexId">Price index of a subsidy line.</param>
/// <param name="ReissueOf">The failed line this line re-issues.</param>
/// <param name="Deduction">Overpayment deducted from this line (R-33, where payments.overpaymentHandling is Deduct), or null; the bank pays amount − deduction.</param>
/// <param name="Status">Pending, Paid or Failed.</param>
/// <param name="StatusReason">The bank's reason for a failure.</param>
/// <param name="BankReference">The bank's reference.</param>
/// <param name="StatusAt">When the bank return was recorded.</param>
/// <param name="Live">False for a line of a superseded version that was never paid (it will not be).</param>
public sealed record PaymentRollLineDto(
    Guid Id,
    Guid RollId,
    [property: MaxLength(12)] string RegionCode,
    PaymentLineKind Kind,
    Guid EnrolmentId,
    Guid HouseholdId,
    Guid? PersonMemberId,
    Guid ApplicationId,
    [property: MaxLength(7)] string Period,
    decimal Amount,
    [property: Range(0, 1000)] int? Persons,
    Guid? PriceIndexId,
    Guid? ReissueOf,
    decimal? Deduction,
    PaymentLineStatus Status,
    [property: MaxLength(500)] string? StatusReason,
    [property: MaxLength(100)] string? BankReference,
    DateTimeOffset? StatusAt,
    bool Live);

/// <summary>A recorded change of an enrolment's amount (a review's Adjust or a life event's reassessment: ).</summary>
/// <param name="AuditEventId">The audit row of the change (EnrolmentAmountChanged).</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="Actor">Who decided it.</param>
/// <param name="Reason">The decision's reason.</param>
/// <param name="Change">Amount before and after and the effective month, as audited.</param>
public sealed record AmountDecisionDto(Guid AuditEventId, DateTimeOffset OccurredAt, [property: MaxLength(200)] string Actor, [property: MaxLength(2000)] string? Reason, JsonElement? Change);

/// <summary>Where a line's amount came from: the enrolment, the decision that set the amount and the rule trace.</summary>
/// <param name="Line">The line.</param>
/// <param name="Rule">The rule that made the line: R-40 (monthly amount), R-41 (price subsidy).</param>
/// <param name="Decision">Approval (the application) or AmountChange (the latest recorded amount change before the roll).</param>
/// <param name="ApplicationId">The approval.</param>
/// <param name="AmountDecision">The amount change in force for the roll, when the amount changed after approval.</param>
/// <param name="Explanation">How the amount was computed from the enrolment (or the subsidy).</param>
/// <param name="EnrolmentBasis">The assessment stored with the approval, with its full rule trace.</param>
/// <param name="SubsidyTrace">For a price subsidy line: the R-41 decision with every parameter read.</param>
public sealed record PaymentLineBasisDto(
    PaymentRollLineDto Line,
    [property: MaxLength(10)] string Rule,
    [property: MaxLength(20)] string Decision,
    Guid ApplicationId,
    AmountDecisionDto? AmountDecision,
    [property: MaxLength(2000)] string Explanation,
    JsonElement? EnrolmentBasis,
    JsonElement? SubsidyTrace);

/// <summary>A long roll generation (202 Accepted): poll it until Succeeded or Failed.</summary>
/// <param name="Id">Operation id.</param>
/// <param name="Status">Queued, Running, Succeeded or Failed.</param>
/// <param name="RegionCode">Region of the roll.</param>
/// <param name="Month">Month, yyyy-MM.</param>
/// <param name="Programme">Programme.</param>
/// <param name="RollId">The roll, once Succeeded.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="CreatedAt">When it was requested.</param>
/// <param name="FinishedAt">When it ended.</param>
public sealed record PaymentRollOperationDto(
    Guid Id,
    [property: MaxLength(20)] string Status,
    [property: MaxLength(12)] string RegionCode,
    [property: MaxLength(7)] string Month,
    Programme Programme,
    Guid? RollId,
    [property: MaxLength(2000)] string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>What a generation request led to: a new roll (Created), the roll generated before (Existing), or a queued operation (Accepted).</summary>
/// <param name="Outcome">Created, Existing or Accepted.</param>
/// <param name="Roll">The roll (Created, Existing).</param>
/// <param name="Operation">The operation (Accepted).</param>
public sealed record PaymentRollGenerationDto([property: MaxLength(20)] string Outcome, PaymentRollDto? Roll, PaymentRollOperationDto? Operation)
{
    public const string Created = "Created";
    public const string Existing = "Existing";
    public const string Accepted = "Accepted";
}

/// <summary>The result of a bank return file.</summary>
/// <param name="RollId">Roll version.</param>
/// <param name="Paid">Lines marked Paid by this file.</param>
/// <param name="Failed">Lines marked Failed by this file.</param>
/// <param name="Unchanged">Lines that already had the returned status (a file sent twice changes nothing).</param>
public sealed record BankReturnResultDto(Guid RollId, [property: Range(0, 20000)] int Paid, [property: Range(0, 20000)] int Failed, [property: Range(0, 20000)] int Unchanged);

/// <summary>
/// One CSV row of the bank export, as read from the database (ID number unmasked; the writer masks). The bank pays
/// <see cref="Amount"/> − <see cref="Deduction"/> (the overpayment deducted, R-33; 0 when none).
/// </summary>
public sealed record PaymentExportRow(
    Guid LineId, string Kind, string Period, Guid EnrolmentId, Guid HouseholdId, string? PayeeName, string? PayeeIdNumber, decimal Amount, Guid? ReissueOf,
    string Status, decimal Deduction = 0m);
