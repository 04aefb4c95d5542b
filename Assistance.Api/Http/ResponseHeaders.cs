namespace Assistance.Api.Http;

/// <summary>
/// Every success response whose body is a versioned resource carries its ETag, whichever endpoint wrote it, so the
/// contract can declare the header on all of them (and a handler cannot forget it).
/// </summary>
public static class ResponseHeaders
{
    public static RouteGroupBuilder WithVersionETags(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context).ConfigureAwait(false);
            var response = context.HttpContext.Response;
            if (result is IValueHttpResult { Value: { } value } && string.IsNullOrEmpty(response.Headers.ETag)
                && value.GetType().GetProperty("Version")?.GetValue(value) is long version)
            {
                response.Headers.ETag = Preconditions.ETag(version);
            }

            return result;
        });
}
