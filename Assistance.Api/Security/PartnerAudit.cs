namespace Assistance.Api.Security;

using System.Diagnostics;
using Assistance.Api.Endpoints;
using Assistance.Application.Abstractions;
using Assistance.Infrastructure.Partners;

/// <summary>
/// Every call of a partner agency (a token with an <c>agency</c> claim) leaves one audit row naming the agency. The call
/// is named before the endpoint runs, so a read that answers in one statement batch (the status query) commits the row
/// with its answer; any call not recorded that way is recorded after its response.
/// </summary>
public static partial class PartnerAudit
{
    public static IApplicationBuilder UsePartnerAudit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.FindFirst("agency")?.Value is not { } agency || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await next(context).ConfigureAwait(false);
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
                // No region: the call is refused before it can see anything.
                await next(context).ConfigureAwait(false);
                return;
            }

            var operation = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty;
            var audit = context.RequestServices.GetRequiredService<PartnerCallAudit>();
            audit.Begin(new PartnerCall(user.Subject, agency, region, prefix, context.Request.Method, operation, 0, null, Activity.Current?.TraceId.ToString()));
            await next(context).ConfigureAwait(false);

            var count = context.Items.TryGetValue(StatusQueryEndpoints.ItemCountKey, out var value) && value is int n ? n : (int?)null;
            try
            {
                await audit.RecordAsync(context.Response.StatusCode, count, CancellationToken.None).ConfigureAwait(false);
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
