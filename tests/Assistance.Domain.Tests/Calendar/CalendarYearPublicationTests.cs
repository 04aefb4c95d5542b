namespace Assistance.Domain.Tests.Calendar;

using Assistance.Domain.Calendar;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

/// <summary>Publishing a calendar year raises the event its audit row is written from .</summary>
public sealed class CalendarYearPublicationTests
{
    private static CalendarYear Year(params string[] holidays) =>
        new(2026, holidays.Select(h => new Holiday(D(h), "元旦")), [], "国办发明电〔2025〕7号");

    [Test]
    public void ANewYear_IsCreated_AsVersion1()
    {
        var year = Year("2026-01-01");
        var published = (CalendarYearPublished)CalendarYearPublication.Publish(year, null, "发布").DomainEvents.Single();
        Assert.That((published.Action, published.Version, published.Replaced, published.ReplacedVersion, published.Reason),
            Is.EqualTo(("Created", 1L, (CalendarYear?)null, (long?)null, "发布")));
        Assert.That(published.Year, Is.SameAs(year));
    }

    [Test]
    public void AStoredYear_IsReplaced_OverItsVersion_AsTheNext()
    {
        var stored = Year("2026-01-01");
        var publication = CalendarYearPublication.Publish(Year("2026-01-01", "2026-01-02"), (stored, 4), null);
        var published = (CalendarYearPublished)publication.DomainEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(publication.ReplacedVersion, Is.EqualTo(4));
            Assert.That((published.Action, published.Version, published.ReplacedVersion), Is.EqualTo(("Replaced", 5L, (long?)4)));
            Assert.That(published.Replaced, Is.SameAs(stored));
        });
        publication.ClearDomainEvents();
        Assert.That(publication.DomainEvents, Is.Empty);
    }
}
