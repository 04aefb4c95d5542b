namespace Assistance.Application.Subscriptions.CreateSubscription;

using System.Security.Cryptography;
using Assistance.Application.Abstractions;

public sealed class CreateSubscriptionHandler(ISubscriptionRepository subscriptions, IWebhookSecretProtector protector, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateSubscriptionCommand, CreatedSubscriptionDto>
{
    public async Task<CreatedSubscriptionDto> Handle(CreateSubscriptionCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agency = PartnerAgencyRequired.AgencyOf(user);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var subscription = new SubscriptionDto(
            Guid.CreateVersion7(), agency, request.CallbackUrl!, request.EventTypes!.Distinct().ToList(), user.Region.Value, clock.GetUtcNow());
        await subscriptions.AddAsync(user.Scope, subscription, user.Subject, protector.Protect(secret), cancellationToken).ConfigureAwait(false);
        return new CreatedSubscriptionDto(subscription, secret);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
