namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using static Assistance.Domain.Eligibility.TraceFormat;

/// <summary>
/// R-13; S3 三(二)1: care standard (照料护理标准) C = tekun.care.amount for the self-care level; for
/// PartialCare and FullCare at least minShareOfBasic × B, B being the rounded basic standard. Rounded at the end.
/// </summary>
internal static class TekunCareIsAtLeastShareOfBasic
{
    public const string Rule = "R-13";
    public const string Source = "S3 三(二)1; N-43 Art.20–23";

    public static decimal Compute(AssessmentContext context, int index, decimal roundedBasic)
    {
        var level = context.Members[index].SelfCare;
        var key = level switch
        {
            SelfCareLevel.FullCare => ParameterCatalog.TekunCareFullCare,
            SelfCareLevel.PartialCare => ParameterCatalog.TekunCarePartialCare,
            _ => ParameterCatalog.TekunCareSelfCare,
        };
        var amount = context.Reader.RequireDecimal(key);
        var care = amount;
        decimal? floor = null;
        if (level != SelfCareLevel.SelfCare && context.Reader.OptionalDecimal(ParameterCatalog.TekunCareMinShareOfBasic) is { } share)
        {
            floor = share * roundedBasic;
            care = Math.Max(care, floor.Value);
        }

        var rounded = context.Round(care);
        if (context.Tracing)
        {
            var detail = context.Detail().Append(AssessmentContext.Invariant, $"member {index}: {level} care = max({F2(amount)}");
            if (floor is { } f)
            {
                detail.Append(AssessmentContext.Invariant, $", floor {F2(f)} (share × basic {F2(roundedBasic)})");
            }

            detail.Append(AssessmentContext.Invariant, $") = {F2(rounded)}");
            context.Trace(Rule, "tekun.care", Source, passed: true, detail.ToString());
        }

        return rounded;
    }
}
