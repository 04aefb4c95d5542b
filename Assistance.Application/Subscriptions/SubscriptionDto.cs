namespace Assistance.Application.Subscriptions;

using System.ComponentModel.DataAnnotations;
using Assistance.Application.Events;

/// <summary>A webhook subscription of a partner agency.</summary>
/// <param name="Id">Subscription id.</param>
/// <param name="Agency">The agency that owns it (every client of the agency sees it).</param>
/// <param name="CallbackUrl">Where events are POSTed.</param>
/// <param name="EventTypes">The event types delivered.</param>
/// <param name="RegionCode">Only events of this region subtree are delivered (the subscriber's region when it subscribed).</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record SubscriptionDto(Guid Id, [property: MaxLength(100)] string Agency, [property: MaxLength(2000)] string CallbackUrl, [property: MaxLength(10)] IReadOnlyList<PartnerEventType> EventTypes, [property: MaxLength(12)] string RegionCode, DateTimeOffset CreatedAt);

/// <summary>A new subscription with its signing secret, shown this once and never again.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="Secret">The HMAC-SHA256 key for the signature header (base64url, 32 random bytes). Store it now: it cannot be read again.</param>
public sealed record CreatedSubscriptionDto(SubscriptionDto Subscription, [property: MaxLength(200)] string Secret);

/// <summary>A delivery that failed the configured number of attempts.</summary>
/// <param name="DeliveryId">Delivery id (for redelivery).</param>
/// <param name="EventId">The event id (the receiver's de-duplication key).</param>
/// <param name="Type">Event type.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="LastError">The last failure (HTTP status or network error), without response bodies.</param>
/// <param name="DeadLetteredAt">When it was given up.</param>
public sealed record DeadLetterDto([property: Range(1, long.MaxValue)] long DeliveryId, Guid EventId, PartnerEventType Type, DateTimeOffset OccurredAt, [property: Range(0, 1000)] int Attempts, [property: MaxLength(2000)] string? LastError, DateTimeOffset DeadLetteredAt);

/// <summary>Whether callback URLs must use https (false only in Development, where receivers run on loopback).</summary>
public sealed class SubscriptionOptions
{
    public bool RequireHttps { get; set; } = true;
}
