namespace Assistance.Application.Overpayments;

using Assistance.Application.Abstractions;
using Assistance.Domain.Enrolments;

/// <summary>One month paid for an enrolment, and how much.</summary>
public sealed record PaidMonth(DateOnly Month, decimal Amount);

/// <summary>
/// Which months were paid for an enrolment, and how much (R-33 overpayments read it): <see cref="RollPaidMonths"/> reads
/// the roll lines the bank returned Paid, and falls back to <see cref="DerivedPaidMonths"/> for months without a roll.
/// </summary>
public interface IPaidMonths
{
    /// <summary>The months paid by <paramref name="today"/>, oldest first.</summary>
    Task<IReadOnlyList<PaidMonth>> PaidAsync(RegionScope scope, Enrolment enrolment, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>One change of an enrolment's monthly amount, as recorded (from <see cref="EnrolmentAmountChanged"/>).</summary>
public sealed record AmountChange(DateOnly RecordedOn, DateOnly EffectiveMonth, decimal AmountBefore, decimal AmountAfter);

/// <summary>The amount history of enrolments, written from their <see cref="EnrolmentAmountChanged"/> events.</summary>
public interface IEnrolmentAmountHistory
{
    Task RecordAsync(RegionScope scope, EnrolmentAmountChanged change, CancellationToken cancellationToken);

    /// <summary>The enrolment's changes in the order recorded.</summary>
    Task<IReadOnlyList<AmountChange>> ListAsync(RegionScope scope, Guid enrolmentId, CancellationToken cancellationToken);
}
