namespace Assistance.Domain.Alerts;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>Lifecycle of an alert: raised Open, Acknowledged by a caseworker, Resolved with a note (by a person or by the rule run).</summary>
public enum AlertStatus
{
    Open,
    Acknowledged,
    Resolved,
}

/// <summary>The persisted state of an alert (the repository stores it; the aggregate guards it).</summary>
public sealed record AlertState
{
    public Guid Id { get; init; }

    public string RegionCode { get; init; } = string.Empty;

    public string Rule { get; init; } = string.Empty;

    public string RuleId { get; init; } = string.Empty;

    public string Source { get; init; } = string.Empty;

    public Guid EnrolmentId { get; init; }

    public Guid HouseholdId { get; init; }

    public Guid? MemberId { get; init; }

    public string Detail { get; init; } = string.Empty;

    public AlertStatus Status { get; init; }

    public DateOnly RaisedOn { get; init; }

    public DateOnly LastSeenOn { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public string? ResolvedBy { get; init; }

    public string? ResolutionNote { get; init; }

    public long Version { get; init; }
}

/// <summary>
/// 预警 (R-36 active discovery and early warning; R-61 duplicate detection; R-30 overdue reviews): raised by the daily
/// rule run for one subject, never twice while it is not resolved (the store's unique index says so too). A person
/// acknowledges it and resolves it with a note; a resolved alert is final, and a condition that recurs raises a new one.
/// </summary>
public sealed class Alert : IHasDomainEvents
{
    private readonly List<IDomainEvent> events = [];

    private Alert(AlertState state) => State = state;

    public AlertState State { get; private set; }

    public Guid Id => State.Id;

    public RegionCode Region => RegionCode.Parse(State.RegionCode);

    public AlertStatus Status => State.Status;

    public long Version => State.Version;

    public IReadOnlyList<IDomainEvent> DomainEvents => events;

    public static Alert Restore(AlertState state) => new(state ?? throw new ArgumentNullException(nameof(state)));

    public void Acknowledge(string by, DateTimeOffset at)
    {
        BusinessRules.Check(new ResolvedAlertIsFinal(State.Status, "acknowledge"));
        BusinessRules.Check(new AlertIsAcknowledgedOnce(State.Status));
        State = State with { Status = AlertStatus.Acknowledged, AcknowledgedAt = at, AcknowledgedBy = by };
        events.Add(new AlertAcknowledged(Id, Region, State.Rule, by));
    }

    public void Resolve(string by, string note, DateTimeOffset at)
    {
        BusinessRules.Check(new ResolvedAlertIsFinal(State.Status, "resolve"));
        var before = State.Status;
        State = State with { Status = AlertStatus.Resolved, ResolvedAt = at, ResolvedBy = by, ResolutionNote = note };
        events.Add(new AlertResolved(Id, Region, State.Rule, before, by, note));
    }

    public void MarkSaved(long version) => State = State with { Version = version };

    public void ClearDomainEvents() => events.Clear();
}

public sealed record AlertAcknowledged(Guid AlertId, RegionCode Region, string Rule, string By) : IDomainEvent;

public sealed record AlertResolved(Guid AlertId, RegionCode Region, string Rule, AlertStatus StatusBefore, string By, string Note) : IDomainEvent;

/// <summary>R-36: a resolved alert is final; a condition that recurs raises a new alert instead of reopening this one.</summary>
public sealed class ResolvedAlertIsFinal(AlertStatus status, string action) : IBusinessRule
{
    public string Code => "alert.resolved";

    public string Message => $"The alert is resolved and cannot {action}; if the condition recurs the daily rule run raises a new alert.";

    public string Source => "R-36; S0 七";

    public bool IsBroken() => status == AlertStatus.Resolved;
}

/// <summary>R-36: an alert is acknowledged once (a second acknowledgement would overwrite who took it on).</summary>
public sealed class AlertIsAcknowledgedOnce(AlertStatus status) : IBusinessRule
{
    public string Code => "alert.already-acknowledged";

    public string Message => "The alert is already acknowledged.";

    public string Source => "R-36; S0 七";

    public bool IsBroken() => status == AlertStatus.Acknowledged;
}
