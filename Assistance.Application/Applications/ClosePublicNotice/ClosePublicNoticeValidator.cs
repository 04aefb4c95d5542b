namespace Assistance.Application.Applications.ClosePublicNotice;

using FluentValidation;

public sealed class ClosePublicNoticeValidator : AbstractValidator<ClosePublicNoticeCommand>
{
    public ClosePublicNoticeValidator() => RuleFor(c => c.Reason).ReasonText();
}
