namespace Assistance.Api.Http;

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

/// <summary>A reader for one body shape that answers false for anything it does not read exactly as the serializer would.</summary>
/// <typeparam name="T">The body's type.</typeparam>
public delegate bool FastJsonReader<T>(ReadOnlySpan<byte> json, out T? value);

/// <summary>
/// Binds a JSON body in one synchronous pass over the bytes <see cref="TextRuleMiddleware"/> already holds
/// (<see cref="BufferedRequestBody"/>), for the hottest endpoint (issue 14: the framework's binder read the body a second
/// time through a pipe and deserialized it with the resumable, slower converters). Everything else is the framework's:
/// the same serializer options and metadata (names, enums, required values and number handling do not change), and the
/// same exceptions for a wrong media type, a missing body and malformed JSON, which <see cref="ProblemExceptionHandler"/>
/// turns into the same problems. The endpoint declares its body type with <c>Accepts</c>, so the contract is unchanged.
/// </summary>
public static class JsonBodyBinder
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static async ValueTask<T> BindAsync<T>(HttpContext context, ParameterInfo parameter, FastJsonReader<T>? fastReader = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        T? value = null;
        // As the framework's binder: a request that cannot have a body (Content-Length: 0) has a missing body, whatever its type.
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            if (!context.Request.HasJsonContentType())
            {
                throw new BadHttpRequestException($"Expected a supported JSON media type but got \"{context.Request.ContentType}\".",
                    StatusCodes.Status415UnsupportedMediaType);
            }

            try
            {
                value = BufferedRequestBody.Of(context) is { } body
                    ? Read(body.Span, context, fastReader)
                    : await context.Request.ReadFromJsonAsync(TypeInfo<T>(context), context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new BadHttpRequestException($"Failed to read parameter \"{typeof(T).Name} {parameter.Name}\" from the request body as JSON.", e);
            }
        }

        return value ?? throw new BadHttpRequestException($"Implicit body inferred for parameter \"{parameter.Name}\" but no body was provided.");
    }

    private static T? Read<T>(ReadOnlySpan<byte> json, HttpContext context, FastJsonReader<T>? fastReader)
        where T : class
    {
        // The stream reader the framework uses skips a UTF-8 byte order mark; the span reader would refuse it.
        if (json.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        return fastReader is not null && fastReader(json, out var fast) ? fast : JsonSerializer.Deserialize(json, TypeInfo<T>(context));
    }

    private static JsonTypeInfo<T> TypeInfo<T>(HttpContext context) =>
        (JsonTypeInfo<T>)context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions.GetTypeInfo(typeof(T));
}
