namespace Assistance.Application.LifeEvents;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Assistance.Domain.Households;
using Assistance.Domain.LifeEvents;

/// <summary>A life event as stored. ID numbers are masked unless the caller holds pii.read.</summary>
/// <param name="Id">The service's id of the event.</param>
/// <param name="EventId">The reporting agency's own id of the event (the idempotency key with the agency).</param>
/// <param name="ReportingAgency">The agency that reported it.</param>
/// <param name="Type">What happened.</param>
/// <param name="IdNumber">The person's ID number (masked without pii.read).</param>
/// <param name="OccurredOn">When it happened; its effects start in that month (S0 二).</param>
/// <param name="ReceivedOn">When the service received it (China date).</param>
/// <param name="Status">Matched, Unmatched or Processed.</param>
/// <param name="RegionCode">The matched household's region, or the reporting caller's region for an unmatched event.</param>
/// <param name="HouseholdId">The matched household.</param>
/// <param name="MemberId">The matched member.</param>
/// <param name="NewPerson">For a birth: the new person.</param>
/// <param name="Note">The agency's note.</param>
/// <param name="Effects">What the event changed when it was received.</param>
public sealed record LifeEventDto(
    Guid Id,
    [property: MaxLength(100)] string EventId,
    [property: MaxLength(200)] string ReportingAgency,
    LifeEventType Type,
    [property: MaxLength(18)] string IdNumber,
    DateOnly OccurredOn,
    DateOnly ReceivedOn,
    LifeEventStatus Status,
    [property: MaxLength(12)] string RegionCode,
    Guid? HouseholdId,
    Guid? MemberId,
    NewPersonDto? NewPerson,
    [property: MaxLength(2000)] string? Note,
    LifeEventEffectsDto Effects)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static LifeEventDto From(StoredLifeEvent stored, bool showIdNumbers)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var e = stored.Event;
        var effects = stored.EffectsJson is null ? LifeEventEffectsDto.None : JsonSerializer.Deserialize<LifeEventEffectsDto>(stored.EffectsJson, Json) ?? LifeEventEffectsDto.None;
        return new LifeEventDto(
            e.Id, e.ExternalId, e.Agency, e.Type, showIdNumbers ? e.IdNumber : NationalId.Mask(e.IdNumber), e.OccurredOn, e.ReceivedOn, e.Status, e.Region.Value,
            e.HouseholdId, e.MemberId,
            e.NewPerson is { } p ? new NewPersonDto(p.IdNumber is null ? null : showIdNumbers ? p.IdNumber : NationalId.Mask(p.IdNumber), p.Name, p.BirthDate) : null,
            e.Note, effects);
    }

    /// <summary>A stored first response as this caller may see it (ID numbers masked without pii.read).</summary>
    public static LifeEventDto FromFirstResponse(string json, bool showIdNumbers)
    {
        var dto = JsonSerializer.Deserialize<LifeEventDto>(json, Json) ?? throw new InvalidOperationException("Stored life-event response is empty.");
        return showIdNumbers ? dto : dto with
        {
            IdNumber = NationalId.Mask(dto.IdNumber),
            NewPerson = dto.NewPerson is { IdNumber: { } n } p ? p with { IdNumber = NationalId.Mask(n) } : dto.NewPerson,
        };
    }
}

/// <summary>For a birth: the new person as reported.</summary>
/// <param name="IdNumber">The new person's ID number, when already issued (masked without pii.read).</param>
/// <param name="Name">Name.</param>
/// <param name="BirthDate">Date of birth.</param>
public sealed record NewPersonDto([property: MaxLength(18)] string? IdNumber, [property: MaxLength(100)] string Name, DateOnly BirthDate);

/// <summary>What a life event changed when it was received .</summary>
/// <param name="MemberStatusAfter">The member's status after the event (Deceased, Imprisoned), when it changed counting.</param>
/// <param name="EnrolmentsEnded">Enrolments ended as of the event date.</param>
/// <param name="EnrolmentsReassessed">Enrolments whose amount changed from the month after the event.</param>
/// <param name="OverpaymentIds">Overpayments raised for months already paid after the event month.</param>
/// <param name="ReassessmentTaskId">The reassessment task opened, if any.</param>
public sealed record LifeEventEffectsDto(
    MemberStatus? MemberStatusAfter,
    [property: MaxLength(50)] IReadOnlyList<Guid> EnrolmentsEnded,
    [property: MaxLength(50)] IReadOnlyList<ReassessedEnrolmentDto> EnrolmentsReassessed,
    [property: MaxLength(50)] IReadOnlyList<Guid> OverpaymentIds,
    Guid? ReassessmentTaskId)
{
    public static LifeEventEffectsDto None { get; } = new(null, [], [], [], null);
}

/// <summary>An enrolment's amount change after a life event or a completed reassessment.</summary>
/// <param name="EnrolmentId">Enrolment.</param>
/// <param name="AmountBefore">Monthly amount before.</param>
/// <param name="AmountAfter">Monthly amount after.</param>
/// <param name="EffectiveMonth">First month paid at the new amount (YYYY-MM).</param>
public sealed record ReassessedEnrolmentDto(Guid EnrolmentId, decimal AmountBefore, decimal AmountAfter, [property: MaxLength(7)] string EffectiveMonth)
{
    public static ReassessedEnrolmentDto From(ReassessedEnrolment r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.EnrolmentId, r.AmountBefore, r.AmountAfter, r.EffectiveMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
    }
}
