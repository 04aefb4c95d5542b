namespace Assistance.Application.Overpayments;

using Assistance.Application.Abstractions;
using Assistance.Domain.Overpayments;

/// <summary>Overpayments to recover, region-owned like their enrolment.</summary>
public interface IOverpaymentRepository
{
    /// <summary>Inserts the overpayment and its months; a second one for the same event and enrolment is refused by a unique index.</summary>
    Task AddAsync(RegionScope scope, Overpayment overpayment, CancellationToken cancellationToken);

    /// <summary>What existing overpayments of the enrolment already claim per month (so a month is never claimed twice).</summary>
    Task<IReadOnlyDictionary<DateOnly, decimal>> ClaimedMonthsAsync(RegionScope scope, Guid enrolmentId, CancellationToken cancellationToken);

    Task<Overpayment?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task SaveAsync(RegionScope scope, Overpayment overpayment, long expectedVersion, CancellationToken cancellationToken);

    Task<IReadOnlyList<Overpayment>> ListAsync(
        RegionScope scope, OverpaymentStatus? status, Guid? enrolmentId, Guid? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// What payment rolls deduct of each overpayment (R-33 through R-40, payments.overpaymentHandling = Deduct): the
    /// deductions on lines that still count (live, not returned Failed). Overpayments without any are absent.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, decimal>> DeductedOnRollsAsync(RegionScope scope, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
