namespace Assistance.Application.Events;

using System.Globalization;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;
using Assistance.Domain.LifeEvents;

/// <summary>
/// Which domain events partners hear about, and what they are told: ID numbers (how partners know a person), programme,
/// region and dates; amounts only in AmountChanged. One case per domain event, so a new one is one more case.
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
        PersonDeceasedProcessed d => new PartnerEvent(Guid.CreateVersion7(), PartnerEventType.PersonDeceasedProcessed, d.Region, "household:" + d.HouseholdId.ToString("N"), now, new
        {
            d.IdNumber,
            RegionCode = d.Region.Value,
            DateOfDeath = d.OccurredOn,
            d.ProcessedOn,
            EnrolmentIds = d.EnrolmentsEnded.Concat(d.EnrolmentsReassessed.Select(r => r.EnrolmentId)).Distinct().ToList(),
        }),
        _ => null,
    };

    private static PartnerEvent New(PartnerEventType type, EnrolmentDomainEvent e, DateTimeOffset now, object data) =>
        new(Guid.CreateVersion7(), type, e.Region, "household:" + e.HouseholdId.ToString("N"), now, data);

    private static IEnumerable<object> Persons(EnrolmentDomainEvent e) => e.Covered.Select(c => new { c.IdNumber });

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
