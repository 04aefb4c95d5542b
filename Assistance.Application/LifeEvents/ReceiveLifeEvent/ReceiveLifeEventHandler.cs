namespace Assistance.Application.LifeEvents.ReceiveLifeEvent;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Households;
using Assistance.Domain.Common;
using Assistance.Domain.LifeEvents;

/// <summary>
/// Stores a partner's life event and applies its effects in the same transaction. The event is matched to the
/// household holding the ID number inside the caller's region; otherwise it is kept Unmatched in the caller's own
/// region (listable there, never lost). A repeat of (agency, event id) returns the first response unchanged.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Use cases are named <UseCase>Handler (UseCaseLayoutTests); this one is about life events, not .NET events.")]
public sealed class ReceiveLifeEventHandler(
    ILifeEventRepository events, IHouseholdQueries householdQueries, IHouseholdRepository households, CountingStopEffects effects, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReceiveLifeEventCommand, LifeEventDto>
{
    public async Task<LifeEventDto> Handle(ReceiveLifeEventCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope;
        var pii = user.CanReadIdNumbers();
        var hash = RequestHash(request);

        await events.LockPartnerIdAsync(scope, request.ReportingAgency, request.EventId, cancellationToken).ConfigureAwait(false);
        if (await events.FindByPartnerIdAsync(scope, request.ReportingAgency, request.EventId, cancellationToken).ConfigureAwait(false) is { } first)
        {
            if (!string.Equals(first.RequestHash, hash, StringComparison.Ordinal))
            {
                throw IdReused();
            }

            return first.FirstResponseJson is { } json ? LifeEventDto.FromFirstResponse(json, pii) : LifeEventDto.From(first, pii);
        }

        var today = clock.Today();
        var household = await householdQueries.FindHouseholdIdByIdNumberAsync(scope, request.IdNumber, cancellationToken).ConfigureAwait(false) is { } householdId
            ? await households.GetForUpdateAsync(scope, householdId, cancellationToken).ConfigureAwait(false)
            : null;
        var member = household?.Members.FirstOrDefault(m => m.IdNumber.Value == request.IdNumber);
        if (member is null)
        {
            household = null;
        }

        var newPerson = request.NewPerson is { Name: { } name, BirthDate: { } born } p ? new NewPerson(p.IdNumber, name, born) : null;
        var lifeEvent = LifeEvent.Receive(
            Guid.CreateVersion7(), household?.Region ?? user.Region, request.ReportingAgency, request.EventId, request.Type, request.IdNumber, request.OccurredOn, today,
            household?.Id, member?.Id, newPerson, request.Note);
        await events.AddAsync(scope, lifeEvent, hash, user.Subject, cancellationToken).ConfigureAwait(false);

        var applied = household is null ? LifeEventEffectsDto.None : await effects.ApplyAsync(scope, lifeEvent, household, today, cancellationToken).ConfigureAwait(false);
        var effectsJson = JsonSerializer.Serialize(applied, LifeEventDto.Json);
        var full = LifeEventDto.From(new StoredLifeEvent(lifeEvent, hash, null, effectsJson), showIdNumbers: true);
        await events.SaveAsync(scope, lifeEvent, effectsJson, JsonSerializer.Serialize(full, LifeEventDto.Json), cancellationToken).ConfigureAwait(false);
        return pii ? full : LifeEventDto.From(new StoredLifeEvent(lifeEvent, hash, null, effectsJson), showIdNumbers: false);
    }

    public static BusinessRuleViolationException IdReused() => new BusinessRuleViolationException(
        "life-event.id-reused",
        "This agency already reported an event under this eventId with different content: a correction is a new event with its own id.",
        "R-33");

    /// <summary>What a repeat must equal to be a replay: every field of the request, in a fixed form.</summary>
    private static string RequestHash(ReceiveLifeEventCommand request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, LifeEventDto.Json))));
}
