namespace Assistance.Application.Common;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

/// <summary>A page of a list: <c>nextCursor</c> is always present, and null on the last page.</summary>
/// <param name="Items">The items of this page (at most the requested limit, 200 at most).</param>
/// <param name="NextCursor">Pass as <c>cursor</c> with the same filters for the next page; null on the last page.</param>
public sealed record Page<T>(
    [property: System.ComponentModel.DataAnnotations.MaxLength(Cursor.MaxLimit)] IReadOnlyList<T> Items,
    [property: System.ComponentModel.DataAnnotations.MaxLength(500)] string? NextCursor);

/// <summary>
/// Opaque keyset cursors bound to the filters they were issued for: a cursor replayed with other filters is
/// refused (400) instead of silently skipping rows.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode(string position, string filters)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new CursorPayload(position, Fingerprint(filters)));
        return Convert.ToBase64String(payload).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Returns the position, or null when no cursor was given.</summary>
    public static string? Decode(string? cursor, string filters)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var payload = JsonSerializer.Deserialize<CursorPayload>(Convert.FromBase64String(base64));
            if (payload is null || payload.F != Fingerprint(filters) || string.IsNullOrEmpty(payload.P))
            {
                throw InvalidCursor("The cursor belongs to a different query: repeat the same filters or start without a cursor.");
            }

            return payload.P;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw InvalidCursor("The cursor is not one this API issued.");
        }
    }

    private static FluentValidation.ValidationException InvalidCursor(string message) =>
        new([new FluentValidation.Results.ValidationFailure("cursor", message)]);

    private static string Fingerprint(string filters) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(filters)))[..16];

    private sealed record CursorPayload(string P, string F);
}
