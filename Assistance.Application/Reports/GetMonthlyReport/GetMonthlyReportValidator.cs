namespace Assistance.Application.Reports.GetMonthlyReport;

using Assistance.Application.Common;
using FluentValidation;

public sealed class GetMonthlyReportValidator : AbstractValidator<GetMonthlyReportQuery>
{
    public GetMonthlyReportValidator()
    {
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
        RuleFor(q => q.Month).Must(m => GetMonthlyReportHandler.TryParseMonth(m, out _)).WithMessage("month is YYYY-MM.");
    }
}
