namespace Assistance.Application.MedicalInsurance.ProduceMonthlyMedicalInsuranceFeed;

using Assistance.Application.Reports.MedicalInsuranceChanges;
using FluentValidation;

public sealed class ProduceMonthlyMedicalInsuranceFeedValidator : AbstractValidator<ProduceMonthlyMedicalInsuranceFeedCommand>
{
    public ProduceMonthlyMedicalInsuranceFeedValidator()
    {
        RuleFor(c => c.Month).Must(m => MedicalInsuranceChangesHandler.TryParseMonth(m, out _)).WithMessage("month must be a month as yyyy-MM.");
        RuleFor(c => c.RegionCode).Must(r => r is null || Domain.Regions.RegionCode.TryParse(r, out _)).WithMessage("regionCode must be a region code.");
    }
}
