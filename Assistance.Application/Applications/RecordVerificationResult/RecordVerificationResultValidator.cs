namespace Assistance.Application.Applications.RecordVerificationResult;

using Assistance.Application.Common;
using FluentValidation;

public sealed class RecordVerificationResultValidator : AbstractValidator<RecordVerificationResultCommand>
{
    public RecordVerificationResultValidator()
    {
        RuleFor(c => c.Source).IsInEnum();
        RuleFor(c => c.Outcome).IsInEnum();
        RuleFor(c => c.Details).MaximumLength(4000);
        RuleFor(c => c.Reason).ReasonText();
    }
}
