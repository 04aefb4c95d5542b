namespace Assistance.Application.Applications.RecordObjection;

using Assistance.Application.Common;
using FluentValidation;

public sealed class RecordObjectionValidator : AbstractValidator<RecordObjectionCommand>
{
    public RecordObjectionValidator()
    {
        RuleFor(c => c.Details).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.Resolution).IsInEnum();
        RuleFor(c => c.EvaluationOutcome).MaximumLength(4000);
        RuleFor(c => c.Reason).ReasonText();
    }
}
