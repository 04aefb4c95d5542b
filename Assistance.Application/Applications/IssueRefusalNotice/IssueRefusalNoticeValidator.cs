namespace Assistance.Application.Applications.IssueRefusalNotice;

using Assistance.Application.Common;
using FluentValidation;

public sealed class IssueRefusalNoticeValidator : AbstractValidator<IssueRefusalNoticeCommand>
{
    public IssueRefusalNoticeValidator() => RuleFor(c => c.Reason).ReasonText();
}
