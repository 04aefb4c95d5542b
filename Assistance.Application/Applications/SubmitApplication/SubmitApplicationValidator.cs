namespace Assistance.Application.Applications.SubmitApplication;

using FluentValidation;

public sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplicationCommand>
{
    public SubmitApplicationValidator()
    {
        RuleFor(c => c.HouseholdId).NotEmpty();
        RuleFor(c => c.ApplicantMemberId).NotEmpty();
        RuleFor(c => c.Programme).IsInEnum();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
        RuleFor(c => c.Reason).MaximumLength(1000);
    }
}
