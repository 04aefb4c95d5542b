namespace Assistance.Application.CareAgreements.CreateCareAgreement;

using Assistance.Application.Common;
using FluentValidation;

public sealed class CreateCareAgreementValidator : AbstractValidator<CreateCareAgreementCommand>
{
    public CreateCareAgreementValidator()
    {
        RuleFor(c => c.EnrolmentId).NotEmpty();
        RuleFor(c => c.CarerName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.CarerPhone).MaximumLength(40);
        RuleFor(c => c.Duties).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.VisitFrequencyDays).InclusiveBetween(1, 366);
        RuleFor(c => c.Reason).ReasonText();
    }
}
