namespace Assistance.Application.Events;

using System.Globalization;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;

/// <summary>
/// Which domain events partners hear about, and what they are told: ID numbers (how partners know a person), programme,
/// region and dates; amounts only in AmountChanged. One case per domain event, so a new one is one more case.
/// PersonDeceasedProcessed (branch lifeevents) is mapped here once its domain event exists.
/// </summary>
public static class PartnerEvents
{
    public static PartnerEvent? From(IDomainEvent domainEvent, DateTimeOffset now) => domainEvent switch
    {
        EnrolmentStarted s => New(PartnerEventType.EnrolmentStarted, s, now, new
        {
            s.EnrolmentId,
            s.Programme,
            RegionCode = s.Region.Value,
            Persons = Persons(s),
            StartMonth = Month(s.StartMonth),
            ApprovedOn = s.OnDate,
        }),
        EnrolmentEnded e => New(PartnerEventType.EnrolmentEnded, e, now, new
        {
            e.EnrolmentId,
            e.Programme,
            RegionCode = e.Region.Value,
            Persons = Persons(e),
            e.EndedOn,
        }),
        EnrolmentAmountChanged a => New(PartnerEventType.AmountChanged, a, now, new
        {
            a.EnrolmentId,
            a.Programme,
            RegionCode = a.Region.Value,
            Persons = Persons(a),
            a.AmountBefore,
            a.AmountAfter,
            EffectiveMonth = Month(a.EffectiveMonth),
        }),
        _ => null,
    };

    private static PartnerEvent New(PartnerEventType type, EnrolmentDomainEvent e, DateTimeOffset now, object data) =>
        new(Guid.CreateVersion7(), type, e.Region, "household:" + e.HouseholdId.ToString("N"), now, data);

    private static IEnumerable<object> Persons(EnrolmentDomainEvent e) => e.Covered.Select(c => new { c.IdNumber });

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
