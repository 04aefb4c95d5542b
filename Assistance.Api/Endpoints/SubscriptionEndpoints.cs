namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Events;
using Assistance.Application.Subscriptions;
using Assistance.Application.Subscriptions.CreateSubscription;
using Assistance.Application.Subscriptions.DeleteSubscription;
using Assistance.Application.Subscriptions.GetSubscription;
using Assistance.Application.Subscriptions.ListDeadLetters;
using Assistance.Application.Subscriptions.ListSubscriptions;
using Assistance.Application.Subscriptions.RedeliverDeadLetter;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/subscriptions: partner agencies' webhooks, fed from the outbox (issue 13, docs/partners.md).</summary>
public static class SubscriptionEndpoints
{
    public static RouteGroupBuilder MapSubscriptions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/subscriptions").WithTags("Subscriptions");
        group.MapPost("/", CreateSubscription).RequireAuthorization(Scopes.SubscriptionsWrite)
            .WithSummary("Subscribes the caller's agency to event types at a callback URL; the signing secret is returned this once.");
        group.MapGet("/", ListSubscriptions).RequireAuthorization(Scopes.SubscriptionsRead).WithSummary("Lists the agency's subscriptions.");
        group.MapGet("/{id:guid}", GetSubscription).RequireAuthorization(Scopes.SubscriptionsRead).WithSummary("Gets one subscription of the agency.");
        group.MapDelete("/{id:guid}", DeleteSubscription).RequireAuthorization(Scopes.SubscriptionsWrite)
            .WithSummary("Ends a subscription; nothing more is delivered to it.");
        group.MapGet("/{id:guid}/dead-letters", ListDeadLetters).RequireAuthorization(Scopes.SubscriptionsRead)
            .WithSummary("Lists the deliveries that failed every configured attempt.");
        group.MapPost("/{id:guid}/dead-letters/{eventId:guid}/redeliver", RedeliverDeadLetter).RequireAuthorization(Scopes.SubscriptionsWrite)
            .WithSummary("Puts a dead letter back in the delivery queue, with its original event id.");
        return group;
    }

    /// <param name="body">Callback URL and event types.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<CreatedSubscriptionDto>> CreateSubscription(SubscriptionRequest body, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var created = await sender.Send(new CreateSubscriptionCommand(body.CallbackUrl, body.EventTypes), cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/subscriptions/{created.Subscription.Id}", created);
    }

    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<IReadOnlyList<SubscriptionDto>>> ListSubscriptions(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListSubscriptionsQuery(), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Subscription id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<SubscriptionDto>> GetSubscription(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetSubscriptionQuery(id), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Subscription id.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<NoContent> DeleteSubscription(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteSubscriptionCommand(id), cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <param name="id">Subscription id.</param>
    /// <param name="limit">At most this many, oldest first (1 to 200, default 50).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<IReadOnlyList<DeadLetterDto>>> ListDeadLetters(Guid id, [Range(1, 200)] int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDeadLettersQuery(id, limit), cancellationToken).ConfigureAwait(false));

    /// <param name="id">Subscription id.</param>
    /// <param name="eventId">The dead letter's event id (one delivery per event and subscription).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Accepted> RedeliverDeadLetter(Guid id, Guid eventId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RedeliverDeadLetterCommand(id, eventId), cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }
}

/// <summary>A new subscription.</summary>
/// <param name="CallbackUrl">Where events are POSTed (https outside Development).</param>
/// <param name="EventTypes">The event types to receive.</param>
public sealed record SubscriptionRequest(
    [property: Required, MaxLength(2000)] string? CallbackUrl,
    [property: Required, MinLength(1), MaxLength(5)] IReadOnlyList<PartnerEventType>? EventTypes);
