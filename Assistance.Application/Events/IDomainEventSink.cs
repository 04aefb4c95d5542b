namespace Assistance.Application.Events;

using Assistance.Domain.Common;

/// <summary>
/// Where a command's domain events go, inside its transaction. Today one sink writes the audit trail
/// (<see cref="AuditTrailSink"/>); an outbox writer for partner exchange is a second implementation registered beside it.
/// </summary>
public interface IDomainEventSink
{
    /// <param name="events">The command's events in the order they were raised.</param>
    /// <param name="command">The command that caused them (what the audit row shows as details).</param>
    /// <param name="cancellationToken">Cancels the write (and with it the transaction).</param>
    Task WriteAsync(IReadOnlyList<IDomainEvent> events, object command, CancellationToken cancellationToken);
}
