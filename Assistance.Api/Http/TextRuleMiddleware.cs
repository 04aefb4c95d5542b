namespace Assistance.Api.Http;

using System.Buffers;
using System.Text;
using System.Text.Json;
using Assistance.Domain.Common;

/// <summary>
/// Applies <see cref="TextRule"/> once, at the edge, to every query parameter and every string of every JSON body,
/// so no field can forget it and PostgreSQL never sees a NUL (22021) or invalid UTF-8 (22P05). Runs after
/// authorization, so only authenticated callers make us read a body.
/// </summary>
public static class TextRuleMiddleware
{
    public static IApplicationBuilder UseTextRule(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            foreach (var (name, values) in context.Request.Query)
            {
                var nameViolation = TextRule.Violation(name, singleLine: true);
                var reason = nameViolation;
                for (var i = 0; reason is null && i < values.Count; i++)
                {
                    reason = TextRule.Violation(values[i], singleLine: true);
                }

                if (reason is not null)
                {
                    // The field is worked out only for a refusal (issue 14: it was looked up for every parameter of every request).
                    var field = nameViolation is null && DeclaredNames(context).Contains(name) ? name : "query";
                    await WriteAsync(context, field, reason).ConfigureAwait(false);
                    return;
                }
            }

            if (HasJsonBody(context.Request))
            {
                var (buffer, length) = await ReadAsync(context.Request.Body, context.Request.ContentLength, context.RequestAborted).ConfigureAwait(false);
                var body = new BufferedRequestBody(buffer, length);
                try
                {
                    if (!System.Text.Unicode.Utf8.IsValid(body.Span))
                    {
                        await WriteAsync(context, "body", "is not valid UTF-8: send JSON encoded as UTF-8.").ConfigureAwait(false);
                        return;
                    }

                    if (Scan(body.Span) is { } violation)
                    {
                        // Name the field only when every part of its path is a name the operation declares: an
                        // invented property name is the caller's input, which a problem never repeats.
                        await WriteAsync(context, DeclaredFieldOrBody(context, violation.Path), violation.Reason).ConfigureAwait(false);
                        return;
                    }

                    // Issue 14: every later reader reads these bytes (they were buffered a second time before).
                    body.Attach(context);
                    body = null;
                }
                finally
                {
                    // A refused body goes back to the pool at once, cleared: it may hold personal data.
                    body?.Dispose();
                }
            }

            await next(context).ConfigureAwait(false);
        });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Endpoint, HashSet<string>> Declared = new();

    /// <summary>
    /// The field path when every property in it is one the operation declares, else "body": an invented property
    /// name is the caller's input, which a problem never repeats.
    /// </summary>
    internal static string DeclaredFieldOrBody(HttpContext context, string field)
    {
        var declared = DeclaredNames(context);
        return field.Split('.', '[').All(part => part.Length == 0 || part.EndsWith(']') || declared.Contains(part)) ? field : "body";
    }

    /// <summary>Parameter and (nested) property names of the endpoint's handler, as JSON and query strings spell them.</summary>
    private static HashSet<string> DeclaredNames(HttpContext context)
    {
        if (ProblemDetailsSetup.OperationEndpoint(context) is not { } endpoint || endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>() is not { } method)
        {
            return [];
        }

        return Declared.GetOrAdd(endpoint, _ =>
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in method.GetParameters())
            {
                names.Add(parameter.Name ?? string.Empty);
                AddProperties(parameter.ParameterType, names, depth: 0);
            }

            return names;
        });
    }

    private static void AddProperties(Type type, HashSet<string> names, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > 6 || type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType)
        {
            return;
        }

        if (type.IsGenericType && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable)
        {
            AddProperties(enumerable.GetGenericArguments()[0], names, depth + 1);
            return;
        }

        if (type.Namespace?.StartsWith("Assistance", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in type.GetProperties())
        {
            if (names.Add(property.Name))
            {
                AddProperties(property.PropertyType, names, depth + 1);
            }
        }
    }

    private static bool HasJsonBody(HttpRequest request) =>
        (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        && request.ContentType is { } type && type.Contains("json", StringComparison.OrdinalIgnoreCase)
        // NDJSON imports are checked line by line as they are read (HouseholdImportBody), never buffered whole here.
        && !type.Contains(Endpoints.HouseholdImportEndpoints.NdjsonMediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the whole body into a pooled buffer (returned by the caller): sized from Content-Length when it is given,
    /// so the usual request is one rented array and no copy (it was two fresh arrays per request, issue 14).
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadAsync(Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        // One byte over the declared length, so the read that reports the end needs no larger buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(contentLength is > 0 and < int.MaxValue / 2 ? (int)contentLength + 1 : 8192);
        var length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw;
        }

        return (buffer, length);
    }

    /// <summary>Walks the JSON tokens; malformed JSON is left to the binder, which answers request.malformed-json.</summary>
    internal static (string Path, string Reason)? Scan(ReadOnlySpan<byte> json)
    {
        // Nothing can break the rule without a backslash (no escapes), a DEL or the lead byte 0xE2 of U+2000–U+2FFF (where
        // the bidirectional controls live): raw control characters, tab and line breaks inside a string are not valid
        // JSON, and malformed JSON answers null below as well. The usual body is thus checked without a token walk.
        if (json.IndexOfAny((byte)'\\', (byte)0x7F, (byte)0xE2) < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var path = new List<(string? Property, int Index)>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Count(path);
                        path.Add((property, reader.TokenType == JsonTokenType.StartArray ? 0 : -1));
                        property = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        property = null;
                        break;
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        if (TextRule.Violation(property, singleLine: true) is { } keyReason)
                        {
                            return (Render(path, null), "has a property name that " + keyReason);
                        }

                        break;
                    case JsonTokenType.String:
                        var value = reader.GetString();
                        var nameField = TextRule.IsNameField(property ?? (path.Count > 0 ? path[^1].Property : null));
                        if (TextRule.Violation(value, singleLine: nameField) is { } reason)
                        {
                            return (Render(path, property), reason);
                        }

                        Count(path);
                        property = null;
                        break;
                    default:
                        Count(path);
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return null;
    }

    // Array elements are counted after they are read; Render subtracts nothing, so index = elements seen so far.
    private static void Count(List<(string? Property, int Index)> path)
    {
        if (path.Count > 0 && path[^1].Index >= 0)
        {
            path[^1] = (path[^1].Property, path[^1].Index + 1);
        }
    }

    private static string Render(List<(string? Property, int Index)> path, string? leaf)
    {
        var text = new StringBuilder();
        for (var i = 1; i < path.Count; i++)
        {
            Append(text, path[i].Property);
            if (path[i - 1].Index >= 0)
            {
                // The container at i sits in an array: its index is the count before it was opened.
                text.Append('[').Append(path[i - 1].Index - 1).Append(']');
            }
        }

        if (path.Count > 0 && path[^1].Index >= 0)
        {
            text.Append('[').Append(path[^1].Index).Append(']');
        }

        Append(text, leaf);
        return ProblemExceptionHandler.FieldName(text.ToString());
    }

    private static void Append(StringBuilder text, string? property)
    {
        if (property is not null)
        {
            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(property);
        }
    }

    private static Task WriteAsync(HttpContext context, string field, string reason) =>
        ProblemDetailsSetup.WriteAsync(context, 400, "request.invalid-text", "The request contains text that is not allowed.",
            $"'{field}' {reason}", new Dictionary<string, string[]> { [field] = [reason] });
}
