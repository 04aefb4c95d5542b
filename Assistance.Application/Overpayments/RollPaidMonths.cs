namespace Assistance.Application.Overpayments;

using Assistance.Application.Abstractions;
using Assistance.Application.PaymentRolls;
using Assistance.Domain.Enrolments;

/// <summary>
/// Paid months from the payment rolls where they exist, for the overpayment calculation:
/// <list type="bullet">
/// <item>a month for which a roll of the enrolment's programme exists (any version, in a region containing the
/// enrolment) is paid exactly by the enrolment's monthly lines the bank returned Paid for that period (tekun basic +
/// care, re-issues included; price subsidies are not a monthly amount). A line still Pending, Failed or left out of
/// the roll is not paid;</item>
/// <item>a month without any roll (before rolls were kept, or not generated yet) falls back to
/// <see cref="DerivedPaidMonths"/>.</item>
/// </list>
/// </summary>
public sealed class RollPaidMonths(DerivedPaidMonths derived, IPaymentRollRepository rolls) : IPaidMonths
{
    public async Task<IReadOnlyList<PaidMonth>> PaidAsync(RegionScope scope, Enrolment enrolment, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var fallback = (await derived.PaidAsync(scope, enrolment, today, cancellationToken).ConfigureAwait(false)).ToDictionary(m => m.Month);
        var currentMonth = new DateOnly(today.Year, today.Month, 1);
        if (enrolment.StartMonth > currentMonth)
        {
            return [];
        }

        var months = await rolls.RollMonthsAsync(scope, enrolment.Id, enrolment.Region, enrolment.Programme, enrolment.StartMonth, currentMonth, cancellationToken)
            .ConfigureAwait(false);
        var result = new List<PaidMonth>();
        foreach (var month in months)
        {
            if (month.HasRoll)
            {
                if (month.Paid is { } paid && paid > 0)
                {
                    result.Add(new PaidMonth(month.Month, paid));
                }
            }
            else if (fallback.TryGetValue(month.Month, out var derivedMonth))
            {
                result.Add(derivedMonth);
            }
        }

        return result;
    }
}
