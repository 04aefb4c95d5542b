namespace Assistance.Application.TemporaryAssistance.ApproveTemporaryAssistance;

using Assistance.Application.Common;
using Assistance.Application.Applications;
using FluentValidation;

public sealed class ApproveTemporaryAssistanceValidator : AbstractValidator<ApproveTemporaryAssistanceCommand>
{
    public ApproveTemporaryAssistanceValidator()
    {
        RuleFor(c => c.MeetingReference).MaximumLength(200);
        RuleFor(c => c.Reason).ReasonText();
    }
}
