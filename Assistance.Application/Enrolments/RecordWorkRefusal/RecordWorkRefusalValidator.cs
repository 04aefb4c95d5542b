namespace Assistance.Application.Enrolments.RecordWorkRefusal;

using FluentValidation;

public sealed class RecordWorkRefusalValidator : AbstractValidator<RecordWorkRefusalCommand>
{
    public RecordWorkRefusalValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.RefusedOn).NotEqual(default(DateOnly)).WithMessage("refusedOn (YYYY-MM-DD) is required.");
        RuleFor(c => c.Offer).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Justification).NotEmpty().When(c => c.Justified).WithMessage("A justified refusal states its justification.");
        RuleFor(c => c.Justification).MaximumLength(2000);
    }
}
