namespace Assistance.Application.TemporaryAssistance.PayTemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Policy;
using Assistance.Application.ReserveFunds;
using Assistance.Domain.Policy;

/// <summary>
/// Marks the case paid and disburses its amount from the township's reserve fund in the same transaction: the fund's
/// row is locked, so concurrent payments against one fund are checked one after the other and the balance never goes
/// negative; a refused disbursement rolls the whole payment back.
/// </summary>
public sealed class PayTemporaryAssistanceHandler(
    TemporaryAssistanceSteps steps, IReserveFundRepository funds, IPolicyStore policy, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PayTemporaryAssistanceCommand, TemporaryAssistanceDto>
{
    public async Task<TemporaryAssistanceDto> Handle(PayTemporaryAssistanceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await steps.LoadAsync(request.Id, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var assistanceCase = stored.Case;
        var loadedVersion = assistanceCase.Version;
        var today = clock.Today();
        var parameters = await policy.ResolverForAsync(assistanceCase.Region, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Region", assistanceCase.Region.Value);
        // Only a first-aid payment (a case not yet approved) has paperwork to come, and so reads its due period.
        var paperworkDueDays = assistanceCase.Status == Domain.TemporaryAssistance.TemporaryAssistanceStatus.Submitted
            ? PaperworkDueDays(parameters, assistanceCase.Region, today)
            : 0;
        assistanceCase.Pay(user.Region.Level, paperworkDueDays, today, user.Subject, request.Reason);

        var fund = await funds.LockAsync(user.Scope, assistanceCase.Region, cancellationToken).ConfigureAwait(false)
            ?? Domain.TemporaryAssistance.ReserveFund.Restore(assistanceCase.Region, Domain.Common.Money.Zero, 0);
        fund.Disburse(Guid.CreateVersion7(), assistanceCase.AmountRequested, assistanceCase.Id, today, user.Subject, request.Reason);
        await funds.SaveAsync(user.Scope, fund, cancellationToken).ConfigureAwait(false);
        return await steps.SaveAsync(stored, loadedVersion, today, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>R-44: <c>temporary.firstAid.paperworkDueDays</c> in force for the township on the day of payment.</summary>
    private static int PaperworkDueDays(ParameterResolver parameters, Domain.Regions.RegionCode township, DateOnly today)
    {
        var resolved = parameters.Resolve(ParameterCatalog.TemporaryFirstAidPaperworkDueDays.Key, township, today);
        return resolved is null || resolved.Value.IsNull
            ? throw new ParameterNotInForceException(ParameterCatalog.TemporaryFirstAidPaperworkDueDays.Key, township.Value, today)
            : resolved.Value.AsInteger();
    }
}
