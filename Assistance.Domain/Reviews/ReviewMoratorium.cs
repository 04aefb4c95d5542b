namespace Assistance.Domain.Reviews;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>
/// 暂停复查及退出 (R-31; S4 三 "各地在疫情防控期间，暂停低保和特困供养复查及退出工作"): for a region and its subtree, from
/// <see cref="From"/> until the day before <see cref="To"/> (open-ended while null), no review falls due and no exit,
/// termination or gradual-exit end takes effect. Region data with its source, like a policy value.
/// </summary>
public sealed class ReviewMoratorium : IHasDomainEvents
{
    private readonly List<IDomainEvent> domainEvents = [];

    private ReviewMoratorium(Guid id, RegionCode region, DateOnly from, DateOnly? to, string reason, string source, string? endSource, long version)
    {
        Id = id;
        Region = region;
        From = from;
        To = to;
        Reason = reason;
        Source = source;
        EndSource = endSource;
        Version = version;
    }

    public Guid Id { get; }

    public RegionCode Region { get; }

    /// <summary>First day in force.</summary>
    public DateOnly From { get; private set; }

    /// <summary>First day no longer in force (exclusive, as the policy packs' <c>to</c>); null while open-ended.</summary>
    public DateOnly? To { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The document (and clause) that declared it, e.g. "S4 三".</summary>
    public string Source { get; private set; }

    /// <summary>The document that ended it, when <see cref="To"/> is set.</summary>
    public string? EndSource { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    public static ReviewMoratorium Declare(Guid id, RegionCode region, DateOnly from, DateOnly? to, string reason, string source, string? endSource, DateOnly today)
    {
        BusinessRules.Check(new MoratoriumPeriodIsOrdered(from, to));
        BusinessRules.Check(new EndedMoratoriumCitesItsEnd(to, endSource));
        var m = new ReviewMoratorium(id, region, from, to, reason, source, to is null ? null : endSource, 0);
        m.domainEvents.Add(new ReviewMoratoriumChanged(id, region, "Declared", today, reason, null, m.Snapshot()));
        return m;
    }

    public static ReviewMoratorium Restore(Guid id, RegionCode region, DateOnly from, DateOnly? to, string reason, string source, string? endSource, long version) =>
        new(id, region, from, to, reason, source, endSource, version);

    /// <summary>Amends the period, reason or source; setting <paramref name="to"/> ends the moratorium (citing <paramref name="endSource"/>).</summary>
    public void Amend(DateOnly from, DateOnly? to, string reason, string source, string? endSource, DateOnly today)
    {
        BusinessRules.Check(new MoratoriumPeriodIsOrdered(from, to));
        BusinessRules.Check(new EndedMoratoriumCitesItsEnd(to, endSource));
        var before = Snapshot();
        From = from;
        To = to;
        Reason = reason;
        Source = source;
        EndSource = to is null ? null : endSource;
        domainEvents.Add(new ReviewMoratoriumChanged(Id, Region, To is null ? "Amended" : "Ended", today, reason, before, Snapshot()));
    }

    public bool InForceOn(DateOnly date) => From <= date && (To is null || date < To);

    public void SetVersion(long version) => Version = version;

    public void ClearDomainEvents() => domainEvents.Clear();

    private MoratoriumPeriod Snapshot() => new(From, To, Source, EndSource);
}

/// <summary>The period and citations of a moratorium, as its audit rows show them.</summary>
public sealed record MoratoriumPeriod(DateOnly From, DateOnly? To, string Source, string? EndSource);

/// <summary>A moratorium was declared, amended or ended .</summary>
public sealed record ReviewMoratoriumChanged(
    Guid MoratoriumId, RegionCode Region, string Action, DateOnly OnDate, string Reason, MoratoriumPeriod? Before, MoratoriumPeriod After) : IDomainEvent;

/// <summary>R-31: a moratorium ends after it starts.</summary>
public sealed class MoratoriumPeriodIsOrdered(DateOnly from, DateOnly? to) : IBusinessRule
{
    public string Code => "moratorium.period-invalid";

    public string Message => $"A moratorium's end ({to:yyyy-MM-dd}, the first day no longer in force) must come after its start ({from:yyyy-MM-dd}).";

    public string Source => "R-31; S4 三";

    public bool IsBroken() => to is { } end && end <= from;
}

/// <summary>R-31; R-02 (every value of region data cites its source): an end date cites the document that ended it.</summary>
public sealed class EndedMoratoriumCitesItsEnd(DateOnly? to, string? endSource) : IBusinessRule
{
    public string Code => "moratorium.end-source-missing";

    public string Message => "An ended moratorium cites the document that ended it (endSource), as every dated region value cites its source.";

    public string Source => "R-31; R-02";

    public bool IsBroken() => to is not null && string.IsNullOrWhiteSpace(endSource);
}
