namespace Assistance.Application.PaymentRolls.GetPaymentLineBasis;

using System.Globalization;
using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Payments;

/// <summary>
/// The enrolment, the decision that set the amount (the approval, or the latest recorded amount change before the roll
/// was generated: a review's Adjust or a life event, R-30/R-33) and the rule trace the amount came from.
/// </summary>
public sealed class GetPaymentLineBasisHandler(IPaymentRollRepository rolls, ICurrentUser user) : IQueryHandler<GetPaymentLineBasisQuery, PaymentLineBasisDto>
{
    public async Task<PaymentLineBasisDto> Handle(GetPaymentLineBasisQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = await rolls.LineBasisAsync(user.Scope, request.RollId, request.LineId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("PaymentRollLine", request.LineId.ToString());
        var line = data.Line;
        var subsidy = line.Kind == PaymentLineKind.PriceSubsidy;
        var amount = line.Amount.ToString("0.00", CultureInfo.InvariantCulture);
        var monthly = data.EnrolmentMonthlyAmount.ToString("0.00", CultureInfo.InvariantCulture);
        var explanation = line.Kind switch
        {
            PaymentLineKind.PriceSubsidy => $"R-41: {line.Persons} covered person(s) × the amount per person of the subsidy trace = {amount}.",
            PaymentLineKind.TekunBasic => $"R-40, R-12: the tekun basic standard of the enrolment basis (at most the monthly amount {monthly}) = {amount}.",
            PaymentLineKind.TekunCare => $"R-40, R-13: the enrolment's monthly amount {monthly} less the basic standard = care {amount}.",
            _ => $"R-40: the enrolment's monthly amount = {amount}.",
        };
        if (line.ReissueOf is { } failed)
        {
            explanation += $" Re-issue of failed line {failed} (R-40).";
        }

        return new PaymentLineBasisDto(
            line,
            subsidy ? PriceSubsidyRule.RuleId : "R-40",
            data.AmountDecision is null ? "Approval" : "AmountChange",
            line.ApplicationId,
            data.AmountDecision,
            explanation,
            Parse(data.EnrolmentBasisJson),
            Parse(data.SubsidyTraceJson));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
