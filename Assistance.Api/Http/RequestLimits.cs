namespace Assistance.Api.Http;

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

public static class RequestLimits
{
    /// <summary>Per-caller token bucket (per replica): partners get a fair share, a runaway client gets 429s.</summary>
    public static IServiceCollection AddAssistanceRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerMinute = configuration.GetValue("RateLimiting:PermitsPerMinute", 1200);
        var burst = configuration.GetValue("RateLimiting:Burst", 200);
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Partner agencies (issue 13) have one bucket per agency, sized in their configuration.
                if (context.RequestServices.GetService<Security.PartnerAgencies>()?.RateLimitPartition(context) is { } agencyPartition)
                {
                    return agencyPartition;
                }

                var partition = context.User.FindFirst("sub")?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = Math.Max(1, permitsPerMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemDetailsSetup.WriteAsync(context.HttpContext, 429, "request.rate-limited", "Too many requests.",
                    "The rate limit for your client is exhausted. Retry after the number of seconds in Retry-After.").ConfigureAwait(false);
            };
        });
    }

    /// <summary>
    /// Caps request bodies (Kestrel enforces it while reading; a declared Content-Length over the cap is refused
    /// up front) so nobody can tie the service up with a huge payload.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long generalMaxBytes) =>
        app.Use(async (context, next) =>
        {
            // An endpoint that declares its own limit (the household import) gets it instead of the general cap.
            var maxBytes = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? generalMaxBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = maxBytes;
            }

            if (context.Request.ContentLength > maxBytes)
            {
                await ProblemDetailsSetup.WriteAsync(context, 413, "request.too-large", "Request body too large.",
                    $"The request body is {context.Request.ContentLength} bytes; the limit is {maxBytes}.").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

    /// <summary>
    /// Our own, lower limits on the URL and the request headers, answered with a problem body: Kestrel's own
    /// rejections (request line over 8 KiB, headers over 32 KiB, malformed request line) happen before any
    /// middleware and can only be an empty 414/431/400.
    /// </summary>
    public static IApplicationBuilder UseRequestShapeLimits(this IApplicationBuilder app, int maxUrlLength, int maxHeaderBytes) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var urlLength = request.PathBase.Value?.Length + request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
            if (urlLength > maxUrlLength)
            {
                await ProblemDetailsSetup.WriteAsync(context, 414, "request.uri-too-long", "URI too long.",
                    $"The request URI is longer than {maxUrlLength} characters; send filters in fewer, shorter parameters.").ConfigureAwait(false);
                return;
            }

            var headerBytes = 0L;
            foreach (var (name, values) in request.Headers)
            {
                headerBytes += name.Length + 4;
                foreach (var value in values)
                {
                    headerBytes += value?.Length ?? 0;
                }
            }

            if (headerBytes > maxHeaderBytes)
            {
                await ProblemDetailsSetup.WriteAsync(context, 431, "request.headers-too-large", "Request headers too large.",
                    $"The request headers add up to more than {maxHeaderBytes} bytes.").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
}
