namespace Assistance.Application.Subscriptions.CreateSubscription;

using FluentValidation;

public sealed class CreateSubscriptionValidator : AbstractValidator<CreateSubscriptionCommand>
{
    public CreateSubscriptionValidator(SubscriptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(c => c.CallbackUrl).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("callbackUrl is required.")
            .MaximumLength(2000)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment))
            .WithMessage("callbackUrl must be an absolute http(s) URL without user information or fragment.")
            .Must(url => !options.RequireHttps || url!.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            .WithMessage("callbackUrl must use https.");
        RuleFor(c => c.EventTypes).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("eventTypes is required.")
            .Must(types => types!.Count > 0).WithMessage("eventTypes must name at least one event type.")
            .Must(types => types!.Distinct().Count() == types!.Count).WithMessage("eventTypes must not repeat a type.");
    }
}
