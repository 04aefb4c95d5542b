namespace Assistance.Domain.Overpayments;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>Where an overpayment stands: open until recovered (追回) or written off (核销) with a note.</summary>
public enum OverpaymentStatus
{
    Open,
    Recovered,
    WrittenOff,
}

/// <summary>One month paid beyond what was due: paid, due, and the difference to recover.</summary>
public sealed record OverpaidMonth(DateOnly Month, decimal Paid, decimal Due)
{
    public decimal Amount => Paid - Due;
}

/// <summary>
/// 多发待追回: payments already made for months after a death or imprisonment month that were not due (R-33; domain.md
/// §5). Raised with the life event that revealed it; the months and amounts are exact and never change afterwards.
/// </summary>
public sealed class Overpayment : IHasDomainEvents
{
    private readonly List<IDomainEvent> domainEvents = [];

    private Overpayment(OverpaymentState s)
    {
        Id = s.Id;
        Region = RegionCode.Parse(s.RegionCode);
        EnrolmentId = s.EnrolmentId;
        HouseholdId = s.HouseholdId;
        MemberId = s.MemberId;
        IdNumber = s.IdNumber;
        LifeEventId = s.LifeEventId;
        Months = [.. s.Months ?? []];
        Status = s.Status;
        Reason = s.Reason;
        RaisedOn = s.RaisedOn;
        ResolvedOn = s.ResolvedOn;
        ResolutionNote = s.ResolutionNote;
        Version = s.Version;
    }

    public Guid Id { get; }

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    public RegionCode Region { get; }

    public Guid EnrolmentId { get; }

    public Guid HouseholdId { get; }

    /// <summary>The person whose event caused it.</summary>
    public Guid? MemberId { get; }

    public string IdNumber { get; }

    public Guid? LifeEventId { get; }

    public IReadOnlyList<OverpaidMonth> Months { get; }

    public decimal Amount => Months.Sum(m => m.Amount);

    public OverpaymentStatus Status { get; private set; }

    public string Reason { get; }

    public DateOnly RaisedOn { get; }

    public DateOnly? ResolvedOn { get; private set; }

    public string? ResolutionNote { get; private set; }

    public long Version { get; private set; }

    public static Overpayment Raise(
        Guid id, RegionCode region, Guid enrolmentId, Guid householdId, Guid? memberId, string idNumber, Guid? lifeEventId,
        IReadOnlyList<OverpaidMonth> months, string reason, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(months);
        BusinessRules.Check(new OverpaymentHasOverpaidMonths(months));
        var o = new Overpayment(new OverpaymentState
        {
            Id = id,
            RegionCode = region.Value,
            EnrolmentId = enrolmentId,
            HouseholdId = householdId,
            MemberId = memberId,
            IdNumber = idNumber,
            LifeEventId = lifeEventId,
            Months = months,
            Status = OverpaymentStatus.Open,
            Reason = reason,
            RaisedOn = today,
        });
        o.domainEvents.Add(new OverpaymentRaised(o.Id, o.Region, enrolmentId, householdId, memberId, idNumber, lifeEventId, o.Months, o.Amount, reason, today));
        return o;
    }

    public static Overpayment Restore(OverpaymentState state) => new(state ?? throw new ArgumentNullException(nameof(state)));

    /// <summary>Recovered (追回) or written off (核销): final, with a note saying how.</summary>
    public void Resolve(OverpaymentStatus to, string note, DateOnly today)
    {
        BusinessRules.Check(new OnlyOpenOverpaymentsAreResolved(Status, to));
        var before = Status;
        Status = to;
        ResolvedOn = today;
        ResolutionNote = note;
        domainEvents.Add(new OverpaymentStatusChanged(Id, Region, EnrolmentId, before, to, today, note));
    }

    public void ClearDomainEvents() => domainEvents.Clear();

    public void SetVersion(long version) => Version = version;
}

/// <summary>The persisted state of an overpayment (the repository reads and stores it; the aggregate guards it).</summary>
public sealed record OverpaymentState
{
    public Guid Id { get; init; }

    public string RegionCode { get; init; } = string.Empty;

    public Guid EnrolmentId { get; init; }

    public Guid HouseholdId { get; init; }

    public Guid? MemberId { get; init; }

    public string IdNumber { get; init; } = string.Empty;

    public Guid? LifeEventId { get; init; }

    public IReadOnlyList<OverpaidMonth>? Months { get; init; }

    public OverpaymentStatus Status { get; init; }

    public string Reason { get; init; } = string.Empty;

    public DateOnly RaisedOn { get; init; }

    public DateOnly? ResolvedOn { get; init; }

    public string? ResolutionNote { get; init; }

    public long Version { get; init; }
}

/// <summary>An overpayment was raised .</summary>
public sealed record OverpaymentRaised(
    Guid OverpaymentId, RegionCode Region, Guid EnrolmentId, Guid HouseholdId, Guid? MemberId, string IdNumber, Guid? LifeEventId,
    IReadOnlyList<OverpaidMonth> Months, decimal Amount, string Reason, DateOnly OnDate) : IDomainEvent;

/// <summary>An overpayment was recovered or written off.</summary>
public sealed record OverpaymentStatusChanged(
    Guid OverpaymentId, RegionCode Region, Guid EnrolmentId, OverpaymentStatus StatusBefore, OverpaymentStatus StatusAfter, DateOnly OnDate, string Note) : IDomainEvent;

/// <summary>R-33: an overpayment names at least one month paid beyond what was due, each a positive amount.</summary>
public sealed class OverpaymentHasOverpaidMonths(IReadOnlyList<OverpaidMonth> months) : IBusinessRule
{
    public string Code => "overpayment.no-months";

    public string Message => "An overpayment needs at least one month paid beyond what was due.";

    public string Source => "R-33";

    public bool IsBroken() => months.Count == 0 || months.Any(m => m.Amount <= 0 || m.Month.Day != 1);
}

/// <summary>R-33: an open overpayment is recovered or written off once; a resolved one is final.</summary>
public sealed class OnlyOpenOverpaymentsAreResolved(OverpaymentStatus status, OverpaymentStatus to) : IBusinessRule
{
    public string Code => "overpayment.invalid-transition";

    public string Message => $"An overpayment that is {status} cannot become {to}: only an Open one is recovered or written off.";

    public string Source => "R-33";

    public bool IsBroken() => status != OverpaymentStatus.Open || to == OverpaymentStatus.Open;
}

/// <summary>
/// R-33 (domain.md §5: "payments already made for months after the death month become an overpayment to recover"):
/// for each month already paid after the event month, the amount paid (less what earlier overpayments already claim
/// for that month) beyond what was due.
/// </summary>
public static class PaymentsAfterTheEventMonthAreRecovered
{
    public const string Rule = "R-33";
    public const string Source = "S0 二; domain.md §5";

    public static IReadOnlyList<OverpaidMonth> Months(
        IReadOnlyList<(DateOnly Month, decimal Amount)> paid, IReadOnlyDictionary<DateOnly, decimal> alreadyClaimed, DateOnly eventMonth, Func<DateOnly, decimal> due)
    {
        ArgumentNullException.ThrowIfNull(paid);
        ArgumentNullException.ThrowIfNull(alreadyClaimed);
        ArgumentNullException.ThrowIfNull(due);
        var result = new List<OverpaidMonth>();
        foreach (var (month, amount) in paid.Where(p => p.Month > eventMonth).OrderBy(p => p.Month))
        {
            var net = amount - alreadyClaimed.GetValueOrDefault(month);
            var owed = due(month);
            if (net > owed)
            {
                result.Add(new OverpaidMonth(month, net, owed));
            }
        }

        return result;
    }
}
