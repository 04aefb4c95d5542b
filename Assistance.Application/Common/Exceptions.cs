namespace Assistance.Application.Common;

/// <summary>Unknown, or outside the caller's region: both answer 404 so nothing leaks about other regions.</summary>
public sealed class NotFoundException(string entity, string id)
    : Exception($"{entity} '{id}' was not found.")
{
    public string Entity { get; } = entity;
}

/// <summary>The If-Match version does not match the stored one (412).</summary>
public sealed class VersionMismatchException(string entity, object expected, long actual)
    : Exception($"{entity} is at version {actual}, not {expected}: reload it and apply your change again.")
{
    public string Entity { get; } = entity;

    public long Actual { get; } = actual;
}

/// <summary>The Idempotency-Key was used before with another request body (422).</summary>
public sealed class IdempotencyKeyReusedException()
    : Exception("This Idempotency-Key was already used with a different request. Use a new key for a new request.");

/// <summary>Another request with the same Idempotency-Key is being processed right now (409).</summary>
public sealed class IdempotencyInProgressException()
    : Exception("A request with this Idempotency-Key is still being processed. Retry after it completes.");

/// <summary>The caller lacks a scope the use case needs (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The database cannot serve right now (too many connections, pool exhausted, unreachable): 503 with Retry-After.</summary>
public sealed class DatabaseUnavailableException(int retryAfterSeconds, Exception? inner = null)
    : Exception("The database cannot be reached right now. Retry later.", inner)
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}

/// <summary>
/// The If-Match condition of an update (RFC 9110 §13.1.1): <c>*</c> matches any existing version; a list matches
/// when any strong entity-tag in it names the current version; weak tags and tags that are not our versions never
/// match. A long converts to the single-version condition.
/// </summary>
public sealed record IfMatch(bool Any, IReadOnlyList<long> Versions)
{
    public static IfMatch Exactly(long version) => new(false, [version]);

    public bool Matches(long currentVersion) => Any || Versions.Contains(currentVersion);

    public static implicit operator IfMatch(long version) => Exactly(version);

    public override string ToString() => Any ? "*" : Versions.Count == 0 ? "no version of this API" : string.Join(" or ", Versions);
}
