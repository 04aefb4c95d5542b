namespace Assistance.Application.Applications.SubmitApplication;

using Assistance.Application.Common;
using FluentValidation;

public sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplicationCommand>
{
    public SubmitApplicationValidator()
    {
        RuleFor(c => c.HouseholdId).NotEmpty();
        RuleFor(c => c.ApplicantMemberId).NotEmpty();
        RuleFor(c => c.Programme).IsInEnum();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.RegionCode).ValidRegionCodeOrNull();
        RuleFor(c => c.Reason).ReasonText();
    }
}
