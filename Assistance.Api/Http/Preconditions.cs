namespace Assistance.Api.Http;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>ETag / If-Match (optimistic concurrency) and Idempotency-Key handling shared by every endpoint group.</summary>
public static class Preconditions
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 200;
    private static readonly object IfMatchItem = new();

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

            if (ParseIfMatch(header) is not { } parsed)
            {
                await ProblemDetailsSetup.WriteAsync(context.HttpContext, 400, "request.if-match-invalid", "If-Match is not valid.",
                    "If-Match must be * or a comma-separated list of entity-tags, each in double quotes as returned in ETag, e.g. \"3\".").ConfigureAwait(false);
                return Results.Empty;
            }

            context.HttpContext.Items[IfMatchItem] = parsed;
            return await next(context).ConfigureAwait(false);
        });

    /// <summary>The If-Match condition as <see cref="RequireIfMatch"/> parsed it (the header is read once per request).</summary>
    public static IfMatch IfMatchVersion(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(IfMatchItem, out var parsed) && parsed is IfMatch ifMatch
            ? ifMatch
            : throw new InvalidOperationException("The endpoint reads If-Match without RequireIfMatch().");
    }

    /// <summary>
    /// RFC 9110 §8.8.3 / §13.1.1: <c>*</c>, or a list of entity-tags (<c>"x"</c> or <c>W/"x"</c>). Weak tags never
    /// match (strong comparison) and strong tags that are not one of our versions match nothing, so both are kept
    /// out of the list and end as a 412; only a header that is not a well-formed list is refused (null → 400).
    /// </summary>
    internal static IfMatch? ParseIfMatch(string header)
    {
        var value = header.Trim();
        if (value == "*")
        {
            return new IfMatch(true, []);
        }

        var versions = new List<long>();
        var i = 0;
        while (true)
        {
            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            var weak = string.CompareOrdinal(value, i, "W/", 0, 2) == 0;
            if (weak)
            {
                i += 2;
            }

            if (i >= value.Length || value[i] != '"')
            {
                return null;
            }

            var end = value.IndexOf('"', i + 1);
            if (end < 0)
            {
                return null;
            }

            var opaque = value.AsSpan(i + 1, end - i - 1);
            foreach (var c in opaque)
            {
                // etagc = %x21 / %x23-7E / obs-text
                if (c < 0x21 || c == 0x7f)
                {
                    return null;
                }
            }

            if (!weak && long.TryParse(opaque, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }

            i = end + 1;
            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            if (i == value.Length)
            {
                return new IfMatch(false, versions);
            }

            if (value[i] != ',')
            {
                return null;
            }

            i++;
        }
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
