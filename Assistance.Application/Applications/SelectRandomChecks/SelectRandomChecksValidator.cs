namespace Assistance.Application.Applications.SelectRandomChecks;

using Assistance.Domain.Regions;
using FluentValidation;

public sealed class SelectRandomChecksValidator : AbstractValidator<SelectRandomChecksCommand>
{
    public SelectRandomChecksValidator() =>
        RuleFor(c => c.RegionCode).Must(c => Domain.Regions.RegionCode.TryParse(c, out var r) && r.Level == RegionLevel.County)
            .WithMessage("regionCode must be a county-level code (6 digits).");
}
