namespace Assistance.Application.Abstractions;

using Assistance.Domain.Regions;

/// <summary>The authenticated caller: subject, scopes, the region subtree they may see, partner agency.</summary>
public interface ICurrentUser
{
    string Subject { get; }

    RegionCode Region { get; }

    string? Agency { get; }

    /// <summary>The region subtree this caller may see; repositories take it and filter by it in SQL.</summary>
    RegionScope Scope { get; }

    bool HasScope(string scope);

    /// <summary>
    /// Everything authorization and masking depend on besides the subject (region, agency, scopes), as one string:
    /// an idempotent replay is served only to the same subject with the same authorization.
    /// </summary>
    string Authorization => $"{Region.Value}|{Agency}";
}

/// <summary>One transaction per command, shared by every repository the handler uses.</summary>
public interface IUnitOfWork
{
    bool IsActive { get; }

    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}

/// <summary>Which exceptions are worth retrying a whole unit of work for (Infrastructure knows the driver).</summary>
public interface IUnitOfWorkTransientDetector
{
    bool IsTransient(Exception exception);
}

/// <summary>
/// Turns a driver exception into an application exception (<see cref="Common.DatabaseUnavailableException"/>), or null
/// when it has no meaning for the caller. Infrastructure implements it, so no other layer knows PostgreSQL error codes.
/// </summary>
public interface IDatabaseErrorTranslator
{
    Exception? Translate(Exception exception);
}

/// <summary>The Idempotency-Key of the current HTTP request, if any (set by the API layer).</summary>
public sealed class IdempotencyContext
{
    public string? Key { get; set; }
}

/// <summary>Stores command results under an idempotency key, in the command's own transaction.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Takes the key for this transaction. Returns the stored (hash, response) when the key was used before;
    /// throws <see cref="Common.IdempotencyInProgressException"/> when another request holds it right now.
    /// </summary>
    Task<StoredIdempotentResponse?> AcquireAsync(string scope, string key, CancellationToken cancellationToken);

    Task SaveAsync(string scope, string key, string requestHash, string responseJson, CancellationToken cancellationToken);
}

public sealed record StoredIdempotentResponse(string RequestHash, string ResponseJson);

/// <summary>Append-only audit (R-60; S0 九; S2 七(二十六)).</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}

public sealed record AuditEntry(
    string EntityType,
    string EntityId,
    string Action,
    RegionCode Region,
    object? Before,
    object? After,
    string? Reason);
