namespace Assistance.Application.CloseRelatives.RegisterCloseRelative;

using Assistance.Application.Common;
using Assistance.Domain.Households;
using FluentValidation;

public sealed class RegisterCloseRelativeValidator : AbstractValidator<RegisterCloseRelativeCommand>
{
    public RegisterCloseRelativeValidator()
    {
        RuleFor(c => c.RegionCode).ValidRegionCode();
        RuleFor(c => c.StaffName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.StaffRole).IsInEnum();
        RuleFor(c => c.RelativeName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.RelativeIdNumber).Must(n => NationalId.TryParse(n, out _)).WithMessage("relativeIdNumber is not a valid ID number (GB 11643).");
        RuleFor(c => c.Relationship).NotEmpty().MaximumLength(50);
        RuleFor(c => c.Reason).ReasonText();
    }
}
