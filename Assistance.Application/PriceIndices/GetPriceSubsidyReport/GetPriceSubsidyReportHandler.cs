namespace Assistance.Application.PriceIndices.GetPriceSubsidyReport;

using Assistance.Application.Abstractions;
using Assistance.Application.PaymentRolls;
using Assistance.Application.Policy;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>
/// The deadline is priceSubsidy.paymentDeadline resolved for the county on the publication month; its one value today,
/// EndOfPublicationMonth (S1 一.4), means payments recorded (bank return Paid) by the end of that month, China time.
/// </summary>
public sealed class GetPriceSubsidyReportHandler(IPriceIndexRepository indices, PriceSubsidyCalculator calculator, IPolicyStore policy, ICurrentUser user)
    : IQueryHandler<GetPriceSubsidyReportQuery, PriceSubsidyReportDto>
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<PriceSubsidyReportDto> Handle(GetPriceSubsidyReportQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = RegionCode.Parse(request.RegionCode);
        var month = Months.Parse(request.Month!);
        var resolver = await policy.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new Common.NotFoundException("Region", region.Value);
        var rule = resolver.Resolve(ParameterCatalog.PriceSubsidyPaymentDeadline.Key, region, month) is { Value.IsNull: false } found
            ? found.Value.AsString()
            : throw new ParameterNotInForceException(ParameterCatalog.PriceSubsidyPaymentDeadline.Key, region.Value, month);
        var deadline = rule switch
        {
            "EndOfPublicationMonth" => month.AddMonths(1).AddDays(-1),
            _ => throw new ParameterNotInForceException(ParameterCatalog.PriceSubsidyPaymentDeadline.Key, region.Value, month),
        };

        var index = await indices.PublishedInAsync(scope, region, month, cancellationToken).ConfigureAwait(false);
        if (index is null)
        {
            return new PriceSubsidyReportDto(region.Value, Months.Format(month), null, null, false, "R-41: no price index was published this month.", deadline, 0, 0m, 0, 0, 0m, null);
        }

        var evaluation = await calculator.EvaluateAsync(index, region, cancellationToken).ConfigureAwait(false);
        var endExclusive = new DateTimeOffset(deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
        var counts = await indices.SubsidyPaymentsAsync(scope, region, index.Id, endExclusive, cancellationToken).ConfigureAwait(false);
        bool? onTime = evaluation.Decision.Triggered ? counts.Lines > 0 && counts.PaidByDeadline == counts.Lines : null;
        return new PriceSubsidyReportDto(
            region.Value, Months.Format(month), index.Id, index.IndexMonth, evaluation.Decision.Triggered, evaluation.Decision.Detail, deadline,
            counts.Lines, counts.Amount, counts.PaidLines, counts.PaidByDeadline, counts.PaidAmount, onTime);
    }
}
