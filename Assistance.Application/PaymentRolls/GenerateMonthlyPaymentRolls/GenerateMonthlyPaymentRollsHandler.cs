namespace Assistance.Application.PaymentRolls.GenerateMonthlyPaymentRolls;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;
using Assistance.Domain.Regions;

public sealed class GenerateMonthlyPaymentRollsHandler(IPaymentRollRepository rolls, PaymentRollGenerator generator, ICurrentUser user)
    : ICommandHandler<GenerateMonthlyPaymentRollsCommand, IReadOnlyList<PaymentRollDto>>
{
    /// <summary>The programmes that pay cash every month (marginal households get no monthly cash, R-18).</summary>
    public static readonly IReadOnlyList<Programme> CashProgrammes = [Programme.Dibao, Programme.Tekun, Programme.ExpenditureHardship];

    public async Task<IReadOnlyList<PaymentRollDto>> Handle(GenerateMonthlyPaymentRollsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = RegionCode.Parse(request.RegionCode);
        var month = Months.Parse(request.Month!);
        var result = new List<PaymentRollDto>();
        foreach (var programme in CashProgrammes)
        {
            await rolls.LockAsync(scope, region, programme, cancellationToken).ConfigureAwait(false);
            result.Add(await rolls.FindCurrentAsync(scope, region, month, programme, cancellationToken).ConfigureAwait(false)
                ?? await generator.GenerateAsync(scope, region, month, programme, null, null, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }
}
