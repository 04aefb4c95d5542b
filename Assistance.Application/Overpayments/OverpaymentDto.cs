namespace Assistance.Application.Overpayments;

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Assistance.Domain.Households;
using Assistance.Domain.Overpayments;

/// <summary>An overpayment to recover (多发待追回, R-33). The ID number is masked unless the caller holds pii.read.</summary>
/// <param name="Id">Overpayment id.</param>
/// <param name="RegionCode">The enrolment's region.</param>
/// <param name="EnrolmentId">The enrolment that paid.</param>
/// <param name="HouseholdId">The household.</param>
/// <param name="MemberId">The person whose event caused it.</param>
/// <param name="IdNumber">That person's ID number.</param>
/// <param name="LifeEventId">The life event that revealed it.</param>
/// <param name="Months">Each month paid beyond what was due.</param>
/// <param name="Amount">Total to recover.</param>
/// <param name="DeductedOnRolls">What payment rolls deduct of it where the region deducts overpayments (payments.overpaymentHandling = Deduct): deductions on lines that still count (pending or paid, not superseded, not returned Failed).</param>
/// <param name="Outstanding">Amount less DeductedOnRolls: what is still to recover. Resolving it as Recovered stays a caseworker's act.</param>
/// <param name="Status">Open, Recovered or WrittenOff.</param>
/// <param name="Reason">Why it was raised.</param>
/// <param name="RaisedOn">When it was raised.</param>
/// <param name="ResolvedOn">When it was recovered or written off.</param>
/// <param name="ResolutionNote">How.</param>
/// <param name="Version">Version (ETag).</param>
public sealed record OverpaymentDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    Guid EnrolmentId,
    Guid HouseholdId,
    Guid? MemberId,
    [property: MaxLength(18)] string IdNumber,
    Guid? LifeEventId,
    [property: MaxLength(600)] IReadOnlyList<OverpaidMonthDto> Months,
    decimal Amount,
    decimal DeductedOnRolls,
    decimal Outstanding,
    OverpaymentStatus Status,
    [property: MaxLength(2000)] string Reason,
    DateOnly RaisedOn,
    DateOnly? ResolvedOn,
    [property: MaxLength(2000)] string? ResolutionNote,
    [property: Range(0, long.MaxValue)] long Version)
{
    public static OverpaymentDto From(Overpayment o, bool showIdNumbers, decimal deductedOnRolls)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OverpaymentDto(
            o.Id, o.Region.Value, o.EnrolmentId, o.HouseholdId, o.MemberId, showIdNumbers ? o.IdNumber : NationalId.Mask(o.IdNumber), o.LifeEventId,
            o.Months.Select(m => new OverpaidMonthDto(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Paid, m.Due, m.Amount)).ToList(),
            o.Amount, deductedOnRolls, o.Amount - deductedOnRolls, o.Status, o.Reason, o.RaisedOn, o.ResolvedOn, o.ResolutionNote, o.Version);
    }
}

/// <summary>One overpaid month.</summary>
/// <param name="Month">The month (YYYY-MM).</param>
/// <param name="Paid">What was paid for it (less what earlier overpayments already claim).</param>
/// <param name="Due">What was due.</param>
/// <param name="Amount">Paid − due: to recover.</param>
public sealed record OverpaidMonthDto([property: MaxLength(7)] string Month, decimal Paid, decimal Due, decimal Amount);
