namespace Assistance.Domain.Calendar;

using Assistance.Domain.Common;

/// <summary>
/// Publishing one year of the national working-day calendar: a new year, or a replacement of the stored one
/// (the State Council's notice corrected). Deadlines everywhere are counted on it, so every publication is recorded.
/// </summary>
public sealed class CalendarYearPublication : IHasDomainEvents
{
    private readonly List<IDomainEvent> domainEvents = [];

    private CalendarYearPublication(CalendarYear year, CalendarYear? replaced, long? replacedVersion)
    {
        Year = year;
        Replaced = replaced;
        ReplacedVersion = replacedVersion;
    }

    public CalendarYear Year { get; }

    /// <summary>The stored year this publication replaces; null for a new year.</summary>
    public CalendarYear? Replaced { get; }

    /// <summary>The version of the replaced year, which the store expects to find (412 otherwise).</summary>
    public long? ReplacedVersion { get; }

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    /// <param name="year">The year as published.</param>
    /// <param name="stored">The year as stored now, with its version; null when the year is new.</param>
    /// <param name="reason">Why, as the audit trail shows it.</param>
    public static CalendarYearPublication Publish(CalendarYear year, (CalendarYear Year, long Version)? stored, string? reason)
    {
        ArgumentNullException.ThrowIfNull(year);
        var publication = new CalendarYearPublication(year, stored?.Year, stored?.Version);

        // A new year is stored as version 1; a replacement only over the version it replaces, so as the next one.
        publication.domainEvents.Add(new CalendarYearPublished(year, stored is { } s ? s.Version + 1 : 1, stored?.Year, stored?.Version, reason));
        return publication;
    }

    public void ClearDomainEvents() => domainEvents.Clear();
}

/// <summary>A year of the working-day calendar was published or replaced .</summary>
public sealed record CalendarYearPublished(CalendarYear Year, long Version, CalendarYear? Replaced, long? ReplacedVersion, string? Reason) : IDomainEvent
{
    /// <summary>The audit trail's name for it.</summary>
    public string Action => Replaced is null ? "Created" : "Replaced";
}
