namespace Assistance.Application.CareAgreements.RecordCareVisit;

using FluentValidation;

public sealed class RecordCareVisitValidator : AbstractValidator<RecordCareVisitCommand>
{
    public RecordCareVisitValidator()
    {
        RuleFor(c => c.Visitor).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Notes).NotEmpty().MaximumLength(4000);
    }
}
