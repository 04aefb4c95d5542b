namespace Assistance.Application.PaymentRolls;

using Assistance.Application.Abstractions;
using Assistance.Application.Policy;
using Assistance.Application.PriceIndices;
using Assistance.Domain.Applications;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>
/// Generates one roll version inside the caller's unit of work: the price subsidy published that month,
/// the set-based write of lines and control totals, the supersession of the previous version, and the audit rows.
/// Shared by the first generation, the long-running operation, the monthly scheduled run and the regeneration.
/// </summary>
public sealed class PaymentRollGenerator(
    IPaymentRollRepository rolls, IPriceIndexRepository indices, PriceSubsidyCalculator subsidies, IPolicyStore policy, IAuditLog audit, ICurrentUser user,
    TimeProvider clock)
{
    private const string Entity = "PaymentRoll";

    /// <summary>Programmes whose covered persons receive the price subsidy (R-41: dibao members and tekun persons).</summary>
    public static bool PaysPriceSubsidy(Programme programme) => programme is Programme.Dibao or Programme.Tekun;

    public async Task<PaymentRollDto> GenerateAsync(
        RegionScope scope, RegionCode region, DateOnly month, Programme programme, PaymentRollDto? previous, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        SubsidyInput? subsidy = null;
        if (PaysPriceSubsidy(programme)
            && await indices.PublishedInAsync(scope, region, month, cancellationToken).ConfigureAwait(false) is { } index)
        {
            var evaluation = await subsidies.EvaluateAsync(index, region, cancellationToken).ConfigureAwait(false);
            if (evaluation.Decision.Triggered)
            {
                subsidy = new SubsidyInput(
                    index.Id, Months.Parse(index.IndexMonth), evaluation.Decision.UrbanPerPerson!.Value, evaluation.Decision.RuralPerPerson!.Value, evaluation.TraceJson);
            }
        }

        var deduct = await DeductsOverpaymentsAsync(region, month, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        if (previous is not null)
        {
            await rolls.SupersedeAsync(scope, previous.Id, id, now, cancellationToken).ConfigureAwait(false);
        }

        var roll = await rolls.GenerateAsync(
            scope, new RollGeneration(id, region, month, programme, (previous?.Version ?? 0) + 1, previous?.Id, user.Subject, now, reason, subsidy, deduct), cancellationToken)
            .ConfigureAwait(false);
        var after = new { roll.Id, roll.Month, roll.Programme, roll.Version, roll.LineCount, roll.TotalAmount, roll.Totals, roll.PriceIndexId };
        if (previous is null)
        {
            await audit.RecordAsync(new AuditEntry(Entity, roll.Id.ToString(), "Generated", region, null, after, "R-40: roll generated"), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var before = new { previous.Id, previous.Version, previous.LineCount, previous.TotalAmount, previous.Totals };
            await audit.RecordAsync(new AuditEntry(Entity, previous.Id.ToString(), "Superseded", region, before, new { SupersededBy = roll.Id }, reason), cancellationToken)
                .ConfigureAwait(false);
            await audit.RecordAsync(new AuditEntry(Entity, roll.Id.ToString(), "Regenerated", region, before, after, reason), cancellationToken).ConfigureAwait(false);
        }

        return roll;
    }

    /// <summary>
    /// payments.overpaymentHandling for the roll's region on the first day of the roll month. Deduct
    /// puts open overpayments on the roll; Recover (the national default) leaves them to be recovered outside it.
    /// </summary>
    private async Task<bool> DeductsOverpaymentsAsync(RegionCode region, DateOnly month, CancellationToken cancellationToken)
    {
        var resolver = await policy.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new Common.NotFoundException("Region", region.Value);
        var handling = resolver.Resolve(ParameterCatalog.PaymentsOverpaymentHandling.Key, region, month);
        if (handling is null || handling.Value.IsNull)
        {
            throw new ParameterNotInForceException(ParameterCatalog.PaymentsOverpaymentHandling.Key, region.Value, month);
        }

        return handling.Value.AsString() == "Deduct";
    }
}
