namespace Assistance.Application.Common;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistance.Application.Abstractions;

/// <summary>A page of a list: <c>nextCursor</c> is always present, and null on the last page.</summary>
/// <param name="Items">The items of this page (at most the requested limit, 200 at most).</param>
/// <param name="NextCursor">Pass as <c>cursor</c> with the same filters for the next page; null on the last page.</param>
public sealed record Page<T>(
    [property: System.ComponentModel.DataAnnotations.MaxLength(Cursor.MaxLimit)] IReadOnlyList<T> Items,
    [property: System.ComponentModel.DataAnnotations.MaxLength(500)] string? NextCursor);

/// <summary>Page sizes shared by every list.</summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Longest cursor we ever issue (and so accept).</summary>
    public const int MaxLength = 500;
}

/// <summary>The cursor is not one this API issued for this caller and these filters (400 request.cursor-invalid).</summary>
public sealed class InvalidCursorException(string message) : Exception(message);

/// <summary>
/// HMAC-SHA256 keys for cursors. The first signs; every key verifies, so a new key is added in front, and the old
/// one removed once the cursors it signed have expired from clients' hands (cursors are short-lived by nature).
/// </summary>
public sealed class CursorKeys
{
    public CursorKeys(IEnumerable<byte[]> keys)
    {
        Keys = keys?.ToList() ?? throw new ArgumentNullException(nameof(keys));
        if (Keys.Count == 0 || Keys.Any(k => k.Length < 32))
        {
            throw new InvalidOperationException("Cursor signing needs at least one key of 32 bytes or more.");
        }
    }

    public IReadOnlyList<byte[]> Keys { get; }
}

/// <summary>
/// Opaque keyset cursors, signed and bound to the caller (subject and authorization) and to the filters they were
/// issued for: a hand-made, tampered, replayed-by-someone-else or replayed-with-other-filters cursor is refused
/// (400) instead of reaching SQL or silently skipping rows.
/// </summary>
public sealed class CursorCodec(CursorKeys keys, ICurrentUser user)
{
    public string Encode(string position, string filters)
    {
        ArgumentNullException.ThrowIfNull(position);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new CursorPayload(position, Fingerprint(filters), Fingerprint(Caller())));
        return Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(keys.Keys[0], payload));
    }

    /// <summary>Returns the position, or null when no cursor was given.</summary>
    public string? Decode(string? cursor, string filters)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (cursor.Length > Cursor.MaxLength || dot <= 0 || FromBase64Url(cursor[..dot]) is not { } payload || FromBase64Url(cursor[(dot + 1)..]) is not { } signature
            || !keys.Keys.Any(key => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature)))
        {
            throw new InvalidCursorException("The cursor is not one this API issued: start without a cursor.");
        }

        CursorPayload? decoded;
        try
        {
            decoded = JsonSerializer.Deserialize<CursorPayload>(payload);
        }
        catch (JsonException)
        {
            decoded = null;
        }

        if (decoded is null || string.IsNullOrEmpty(decoded.P))
        {
            throw new InvalidCursorException("The cursor is not one this API issued: start without a cursor.");
        }

        if (decoded.C != Fingerprint(Caller()))
        {
            throw new InvalidCursorException("The cursor was issued to another caller: start without a cursor.");
        }

        if (decoded.F != Fingerprint(filters))
        {
            throw new InvalidCursorException("The cursor belongs to a different query: repeat the same filters or start without a cursor.");
        }

        return decoded.P;
    }

    /// <summary>The position of a list keyed by id, or null when no cursor was given (a verified cursor that is no id: 400).</summary>
    public Guid? DecodeId(string? cursor, string filters) =>
        Decode(cursor, filters) is { } position ? (Guid.TryParse(position, CultureInfo.InvariantCulture, out var id) ? id : throw Invalid()) : null;

    /// <summary>
    /// The one page shape of every list: the query asked for <paramref name="limit"/> + 1 rows, so a further row means a
    /// next page, whose cursor holds the position of the page's last row.
    /// </summary>
    public Page<TItem> Page<TRow, TItem>(IReadOnlyList<TRow> rows, int limit, string filters, Func<TRow, string> position, Func<TRow, TItem> item)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(item);
        var more = rows.Count > limit;
        var page = more ? rows.Take(limit) : rows;
        return new Page<TItem>([.. page.Select(item)], more ? Encode(position(rows[limit - 1]), filters) : null);
    }

    /// <summary>A position read back from a verified cursor that still does not parse: the same answer as a forged one.</summary>
    public static InvalidCursorException Invalid() => new("The cursor is not one this API issued: start without a cursor.");

    private string Caller() => user.Subject + "\n" + user.Authorization;

    private static string Fingerprint(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record CursorPayload(string P, string F, string C);
}
