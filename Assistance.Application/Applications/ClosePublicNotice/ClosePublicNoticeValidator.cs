namespace Assistance.Application.Applications.ClosePublicNotice;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ClosePublicNoticeValidator : AbstractValidator<ClosePublicNoticeCommand>
{
    public ClosePublicNoticeValidator() => RuleFor(c => c.Reason).ReasonText();
}
