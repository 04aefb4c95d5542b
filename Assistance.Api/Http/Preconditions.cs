namespace Assistance.Api.Http;

using Assistance.Application.Abstractions;

/// <summary>ETag / If-Match (optimistic concurrency) and Idempotency-Key handling shared by every endpoint group.</summary>
public static class Preconditions
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 200;

    /// <summary>Strong ETag for a resource version.</summary>
    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>
    /// Endpoint filter: updates must say which version they change (428 without If-Match, 400 if unreadable). After
    /// writing a problem the filters return <see cref="Results.Empty"/>: a null result would make the endpoint try to
    /// write "null" as JSON into a response that has already started.
    /// </summary>
    public static RouteHandlerBuilder RequireIfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new OpenApi.RequiresIfMatchMetadata()).AddEndpointFilter(async (context, next) =>
        {
            var header = context.HttpContext.Request.Headers.IfMatch.ToString();
            if (string.IsNullOrWhiteSpace(header))
            {
                await ProblemDetailsSetup.WriteAsync(context.HttpContext, 428, "request.if-match-required", "If-Match required.",
                    "Send the ETag from your last GET in an If-Match header, so concurrent changes are not lost.").ConfigureAwait(false);
                return Results.Empty;
            }

            if (ParseIfMatch(header) is null)
            {
                await ProblemDetailsSetup.WriteAsync(context.HttpContext, 400, "request.if-match-invalid", "If-Match is not valid.",
                    "If-Match must hold one ETag exactly as returned by GET, e.g. \"3\".").ConfigureAwait(false);
                return Results.Empty;
            }

            return await next(context).ConfigureAwait(false);
        });

    /// <summary>The version in If-Match (already validated by <see cref="RequireIfMatch"/>).</summary>
    public static long IfMatchVersion(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ParseIfMatch(context.Request.Headers.IfMatch.ToString()) ?? throw new InvalidOperationException("If-Match was not validated.");
    }

    private static long? ParseIfMatch(string header)
    {
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"'
               && long.TryParse(value.AsSpan(1, value.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
    }

    /// <summary>Endpoint filter: passes a valid Idempotency-Key to the unit of work, which stores the response with the change.</summary>
    public static RouteHandlerBuilder AcceptIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new OpenApi.AcceptsIdempotencyKeyMetadata()).AddEndpointFilter(async (context, next) =>
        {
            var key = context.HttpContext.Request.Headers[IdempotencyKeyHeader].ToString();
            if (key.Length > 0)
            {
                if (key.Length > MaxIdempotencyKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
                {
                    await ProblemDetailsSetup.WriteAsync(context.HttpContext, 400, "request.idempotency-key-invalid", "Idempotency-Key is not valid.",
                        $"Idempotency-Key must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters (a UUID is a good choice).").ConfigureAwait(false);
                    return Results.Empty;
                }

                context.HttpContext.RequestServices.GetRequiredService<IdempotencyContext>().Key = key;
            }

            return await next(context).ConfigureAwait(false);
        });
}
