namespace Assistance.Application.PriceIndices.GetPriceSubsidyReport;

using Assistance.Application.PaymentRolls;
using FluentValidation;

public sealed class GetPriceSubsidyReportValidator : AbstractValidator<GetPriceSubsidyReportQuery>
{
    public GetPriceSubsidyReportValidator()
    {
        RuleFor(q => q.RegionCode).CountyCode();
        RuleFor(q => q.Month).ValidMonth();
    }
}
