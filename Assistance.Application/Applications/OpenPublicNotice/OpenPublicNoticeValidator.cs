namespace Assistance.Application.Applications.OpenPublicNotice;

using FluentValidation;

public sealed class OpenPublicNoticeValidator : AbstractValidator<OpenPublicNoticeCommand>
{
    public OpenPublicNoticeValidator() => RuleFor(c => c.Reason).ReasonText();
}
