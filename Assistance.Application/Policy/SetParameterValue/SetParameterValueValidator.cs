namespace Assistance.Application.Policy.SetParameterValue;

using System.Text.Json;
using Assistance.Application.Common;
using Assistance.Domain.Policy;
using FluentValidation;

public sealed class SetParameterValueValidator : AbstractValidator<SetParameterValueCommand>
{
    public SetParameterValueValidator()
    {
        RuleFor(c => c.Key).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(100)
            .Must(k => ParameterCatalog.TryGet(k, out _)).WithMessage("This is not a key of the parameter catalog; GET /api/v1/policy/parameters lists the keys.");
        RuleFor(c => c.RegionCode).Cascade(CascadeMode.Stop).NotEmpty().ValidRegionCode();
        RuleFor(c => c.EffectiveFrom).NotEqual(default(DateOnly)).WithMessage("effectiveFrom (YYYY-MM-DD) is required.");
        RuleFor(c => c.EffectiveTo).Must((c, to) => to is null || to > c.EffectiveFrom).WithMessage("effectiveTo must be after effectiveFrom (it is exclusive).");
        RuleFor(c => c.Residence).IsInEnum();
        RuleFor(c => c.Value).Must(v => v.ValueKind != JsonValueKind.Undefined)
            .WithMessage("value is required: a number, boolean, string, list of strings, or null to end the parameter for this region.");
        RuleFor(c => c.Source).NotEmpty().WithMessage("Every value needs its source (document and clause).").MaximumLength(500);
    }
}
