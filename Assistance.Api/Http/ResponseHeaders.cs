namespace Assistance.Api.Http;

/// <summary>
/// Every success response whose body is a versioned resource carries its ETag, whichever endpoint wrote it, so the
/// contract can declare the header on all of them (and a handler cannot forget it).
/// </summary>
public static class ResponseHeaders
{
    // The property lookup once per response type, not per request (issue 14: this filter runs on every /api/v1 call).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo?> VersionGetters = new();

    public static RouteGroupBuilder WithVersionETags(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context).ConfigureAwait(false);
            var response = context.HttpContext.Response;
            if (result is IValueHttpResult { Value: { } value } && string.IsNullOrEmpty(response.Headers.ETag)
                && VersionGetters.GetOrAdd(value.GetType(), VersionGetter) is { } getter && getter.GetValue(value) is long version)
            {
                response.Headers.ETag = Preconditions.ETag(version);
            }

            return result;
        });

    private static System.Reflection.PropertyInfo? VersionGetter(Type type) => type.GetProperty("Version");
}
