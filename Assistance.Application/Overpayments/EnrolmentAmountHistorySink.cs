namespace Assistance.Application.Overpayments;

using Assistance.Application.Abstractions;
using Assistance.Application.Events;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;

/// <summary>Keeps the enrolment amount history from <see cref="EnrolmentAmountChanged"/> events, in the command's transaction.</summary>
public sealed class EnrolmentAmountHistorySink(IEnrolmentAmountHistory history, ICurrentUser user) : IDomainEventSink
{
    public async Task WriteAsync(IReadOnlyList<IDomainEvent> events, object command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var change in events.OfType<EnrolmentAmountChanged>())
        {
            await history.RecordAsync(user.Scope, change, cancellationToken).ConfigureAwait(false);
        }
    }
}
