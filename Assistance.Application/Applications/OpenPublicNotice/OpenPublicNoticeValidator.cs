namespace Assistance.Application.Applications.OpenPublicNotice;

using Assistance.Application.Common;
using FluentValidation;

public sealed class OpenPublicNoticeValidator : AbstractValidator<OpenPublicNoticeCommand>
{
    public OpenPublicNoticeValidator() => RuleFor(c => c.Reason).ReasonText();
}
