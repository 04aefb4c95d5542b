namespace Assistance.Api.Tests.Events;

using System.Text.Json;
using Assistance.Application.Events;
using Assistance.Domain.LifeEvents;
using Assistance.Domain.Regions;

/// <summary>The domain event → partner event mapping for a processed death, without a database.</summary>
public sealed class PartnerEventsTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Test]
    public void PersonDeceasedProcessed_TellsPartnersThePersonTheDateAndEveryEnrolmentTouched_OrderedByHousehold()
    {
        var household = Guid.NewGuid();
        var ended = Guid.NewGuid();
        var reassessed = Guid.NewGuid();
        var now = DateTimeOffset.Parse("2026-11-30T01:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture);
        var death = new PersonDeceasedProcessed(
            Guid.NewGuid(), RegionCode.Parse("320682001"), household, Guid.NewGuid(), "320682195001010011", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 30),
            [ended], [new ReassessedEnrolment(reassessed, 900m, 600m, new DateOnly(2026, 12, 1))], [Guid.NewGuid()]);

        var e = PartnerEvents.From(death, now)!;

        Assert.That((e.Type, e.Region.Value, e.OrderKey, e.OccurredAt), Is.EqualTo((PartnerEventType.PersonDeceasedProcessed, "320682001", "household:" + household.ToString("N"), now)));
        var data = JsonDocument.Parse(JsonSerializer.Serialize(e.Data, Web)).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("idNumber").GetString(), Is.EqualTo("320682195001010011"));
            Assert.That(data.GetProperty("dateOfDeath").GetString(), Is.EqualTo("2026-11-20"));
            Assert.That(data.GetProperty("processedOn").GetString(), Is.EqualTo("2026-11-30"));
            Assert.That(data.GetProperty("enrolmentIds").EnumerateArray().Select(x => x.GetGuid()), Is.EqualTo(new[] { ended, reassessed }));
            Assert.That(data.TryGetProperty("amountAfter", out _), Is.False, "no amounts in a death notice");
        });
    }
}
