namespace Assistance.Application.Reports.MedicalInsuranceChanges;

using System.Globalization;
using Assistance.Application.Common;
using FluentValidation;

public sealed class MedicalInsuranceChangesValidator : AbstractValidator<MedicalInsuranceChangesQuery>
{
    public MedicalInsuranceChangesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
        RuleFor(q => q.Month).NotEmpty().Must(m => MedicalInsuranceChangesHandler.TryParseMonth(m, out _))
            .WithMessage("month must be a month as YYYY-MM, e.g. 2026-11.");
    }
}
