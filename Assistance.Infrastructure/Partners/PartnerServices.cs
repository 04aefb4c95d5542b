namespace Assistance.Infrastructure.Partners;

using Assistance.Application.Events;
using Assistance.Application.StatusQueries;
using Assistance.Application.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

public static class PartnerServices
{
    /// <summary>Status queries, subscriptions, the outbox and the two background workers (issue 13).</summary>
    public static IServiceCollection AddPartners(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var limits = new StatusQueryLimits();
        configuration.GetSection("StatusQueries").Bind(limits);
        services.AddSingleton(limits);
        services.AddSingleton(new SubscriptionOptions { RequireHttps = !environment.IsDevelopment() });

        var keys = configuration.GetSection("Partners:SecretKeys").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (!environment.IsDevelopment() && keys.Contains(AesGcmWebhookSecretProtector.DevelopmentKey))
        {
            throw new InvalidOperationException("Partners:SecretKeys: the development key is refused outside the Development environment.");
        }

        // Without keys the API still starts (subscriptions then fail with 500 on creation would be worse): refuse at startup.
        services.AddSingleton<IWebhookSecretProtector>(_ => new AesGcmWebhookSecretProtector(keys));
        services.AddScoped<IBeneficiaryStatusLookup, BeneficiaryStatusLookup>();
        services.AddScoped<IStatusQueryJobStore, StatusQueryJobStore>();
        services.AddScoped<ISubscriptionRepository, SubscriptionRepository>();
        services.AddScoped<IOutbox, Outbox>();
        services.AddSingleton(new PartnerAuditSettings { SynchronousCommit = configuration.GetValue("Partners:AuditSynchronousCommit", false) });
        services.AddScoped<PartnerCallAudit>();
        services.AddSingleton<StatusQueryJobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusQueryJobWorker>());
        services.AddSingleton(WebhookDeliverySettings.From(configuration));
        services.AddSingleton<WebhookHttpClient>();
        services.AddSingleton<WebhookDeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDeliveryWorker>());
        return services;
    }
}
