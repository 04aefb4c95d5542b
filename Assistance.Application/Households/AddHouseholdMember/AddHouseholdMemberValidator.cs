namespace Assistance.Application.Households.AddHouseholdMember;

using FluentValidation;

public sealed class AddHouseholdMemberValidator : AbstractValidator<AddHouseholdMemberCommand>
{
    public AddHouseholdMemberValidator()
    {
        // The body is the member itself, so its failures keep their own names (idNumber, not member.idNumber).
        var member = new MemberInputValidator(MemberIdentity.New);
        RuleFor(c => c.Member).NotNull().Custom((m, context) =>
        {
            if (m is not null)
            {
                member.Validate(m).Errors.ForEach(context.AddFailure);
            }
        });
    }
}
