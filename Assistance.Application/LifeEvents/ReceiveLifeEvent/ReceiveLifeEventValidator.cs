namespace Assistance.Application.LifeEvents.ReceiveLifeEvent;

using Assistance.Domain.Households;
using Assistance.Domain.LifeEvents;
using FluentValidation;

public sealed class ReceiveLifeEventValidator : AbstractValidator<ReceiveLifeEventCommand>
{
    public ReceiveLifeEventValidator()
    {
        RuleFor(c => c.EventId).NotEmpty().MaximumLength(100).Matches("^[\\x21-\\x7E]+$").WithMessage("eventId is 1 to 100 printable ASCII characters without spaces.");
        RuleFor(c => c.Type).IsInEnum();
        RuleFor(c => c.IdNumber).Must(n => NationalId.TryParse(n, out _)).WithMessage("idNumber must be an 18-character ID number with a valid check character (GB 11643).");
        RuleFor(c => c.OccurredOn).NotEqual(default(DateOnly)).WithMessage("occurredOn (YYYY-MM-DD) is required.");
        RuleFor(c => c.ReportingAgency).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Note).MaximumLength(2000);
        RuleFor(c => c.NewPerson).NotNull().When(c => c.Type == LifeEventType.Birth).WithMessage("A Birth event names the new person (newPerson).");
        RuleFor(c => c.NewPerson).Null().When(c => c.Type != LifeEventType.Birth).WithMessage("newPerson is given only for a Birth event.");
        When(c => c.NewPerson is not null, () =>
        {
            RuleFor(c => c.NewPerson!.Name).NotEmpty().MaximumLength(100).OverridePropertyName("newPerson.name");
            RuleFor(c => c.NewPerson!.BirthDate).NotNull().OverridePropertyName("newPerson.birthDate");
            RuleFor(c => c.NewPerson!.IdNumber).Must(n => n is null || NationalId.TryParse(n, out _))
                .WithMessage("newPerson.idNumber must be a valid ID number (GB 11643) when given.").OverridePropertyName("newPerson.idNumber");
        });
    }
}
