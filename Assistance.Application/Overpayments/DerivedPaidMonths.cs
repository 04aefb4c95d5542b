namespace Assistance.Application.Overpayments;

using Assistance.Application.Abstractions;
using Assistance.Domain.Enrolments;

/// <summary>
/// Paid months derived from the enrolment itself, until payment rolls exist. Assumptions (docs/rules.md, R-33):
/// <list type="bullet">
/// <item>a month is paid once it has begun (benefits are paid for the month at its start), from the start month (the
/// month after approval, N-57 Art.21) up to the current month, and not for months beginning after the enrolment's end date;</item>
/// <item>a month is paid at the amount in force when it began: the latest amount change recorded before the month's first
/// day whose effective month is not after it (a change recorded later, even if effective earlier, did not change what
/// had already been paid);</item>
/// <item>suspension is not known to this derivation: suspended months count as paid.</item>
/// </list>
/// </summary>
public sealed class DerivedPaidMonths(IEnrolmentAmountHistory history) : IPaidMonths
{
    public async Task<IReadOnlyList<PaidMonth>> PaidAsync(RegionScope scope, Enrolment enrolment, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var changes = await history.ListAsync(scope, enrolment.Id, cancellationToken).ConfigureAwait(false);
        return Derive(enrolment.StartMonth, enrolment.EndedOn, enrolment.MonthlyAmount, changes, today);
    }

    /// <summary>The derivation itself (pure).</summary>
    public static IReadOnlyList<PaidMonth> Derive(DateOnly startMonth, DateOnly? endedOn, decimal currentAmount, IReadOnlyList<AmountChange> changes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var initial = changes.Count > 0 ? changes[0].AmountBefore : currentAmount;
        var result = new List<PaidMonth>();
        var currentMonth = new DateOnly(today.Year, today.Month, 1);
        for (var month = startMonth; month <= currentMonth && (endedOn is not { } end || month <= end); month = month.AddMonths(1))
        {
            var amount = initial;
            foreach (var change in changes)
            {
                if (change.RecordedOn < month && change.EffectiveMonth <= month)
                {
                    amount = change.AmountAfter;
                }
            }

            result.Add(new PaidMonth(month, amount));
        }

        return result;
    }
}
