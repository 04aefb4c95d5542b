namespace Assistance.Application.TemporaryAssistance.RecordTemporaryAssistancePaperwork;

using Assistance.Application.Common;
using Assistance.Application.Applications;
using FluentValidation;

public sealed class RecordTemporaryAssistancePaperworkValidator : AbstractValidator<RecordTemporaryAssistancePaperworkCommand>
{
    public RecordTemporaryAssistancePaperworkValidator()
    {
        RuleFor(c => c.Explanation).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.MeetingReference).MaximumLength(200);
        RuleFor(c => c.Reason).ReasonText();
    }
}
