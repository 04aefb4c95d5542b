namespace Assistance.Api.Security;

using System.Diagnostics;
using Assistance.Api.Endpoints;
using Assistance.Application.Abstractions;
using Assistance.Infrastructure.Partners;

/// <summary>Every call of a partner agency (a token with an <c>agency</c> claim) leaves an audit row naming the agency.</summary>
public static partial class PartnerAudit
{
    public static IApplicationBuilder UsePartnerAudit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);
            if (context.User.FindFirst("agency")?.Value is not { } agency || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                return;
            }

            var user = context.RequestServices.GetRequiredService<ICurrentUser>();
            string region, prefix;
            try
            {
                region = user.Region.Value;
                prefix = user.Scope.DatabasePrefix;
            }
            catch (Application.Common.ForbiddenException)
            {
                return; // no region: the call was refused before it could see anything
            }

            var operation = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty;
            var count = context.Items.TryGetValue(StatusQueryEndpoints.ItemCountKey, out var value) && value is int n ? n : (int?)null;
            try
            {
                await context.RequestServices.GetRequiredService<PartnerCallAudit>().RecordAsync(
                    new PartnerCall(user.Subject, agency, region, prefix, context.Request.Method, operation, context.Response.StatusCode, count,
                        Activity.Current?.TraceId.ToString()),
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                // The response has been sent already; a lost audit row is logged loudly rather than failing the call.
                LogAuditFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("PartnerAudit"), ex, agency, operation);
            }
        });

    [LoggerMessage(Level = LogLevel.Error, Message = "Partner call of {Agency} to {Operation} could not be audited")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string agency, string operation);
}
