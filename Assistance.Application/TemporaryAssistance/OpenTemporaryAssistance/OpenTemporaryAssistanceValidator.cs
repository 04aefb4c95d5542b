namespace Assistance.Application.TemporaryAssistance.OpenTemporaryAssistance;

using Assistance.Application.Common;
using Assistance.Application.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using FluentValidation;

public sealed class OpenTemporaryAssistanceValidator : AbstractValidator<OpenTemporaryAssistanceCommand>
{
    public OpenTemporaryAssistanceValidator()
    {
        RuleFor(c => c.TownshipCode)
            .Must(c => RegionCode.TryParse(c, out var code) && code.Level == RegionLevel.Township)
            .WithMessage("townshipCode is the 9-digit code of the township (乡镇/街道) where the emergency happened.");
        RuleFor(c => c.PersonName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.IdNumber).Must(t => NationalId.TryParse(t, out _)).WithMessage("idNumber must be an 18-character ID number with a valid check character (GB 11643).");
        RuleFor(c => c.Description).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.AmountRequested).GreaterThan(0m).Must(Domain.Common.Money.IsWholeFen).WithMessage("amountRequested is a positive number of yuan with at most two decimals.");
        RuleFor(c => c.Reason).ReasonText();
    }
}
