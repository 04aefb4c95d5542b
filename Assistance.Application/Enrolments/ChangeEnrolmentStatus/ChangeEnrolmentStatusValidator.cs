namespace Assistance.Application.Enrolments.ChangeEnrolmentStatus;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ChangeEnrolmentStatusValidator : AbstractValidator<ChangeEnrolmentStatusCommand>
{
    public ChangeEnrolmentStatusValidator()
    {
        RuleFor(c => c.Action).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().ReasonText();
    }
}
