namespace Assistance.Application.Households.UpdateHouseholdMember;

using FluentValidation;

public sealed class UpdateHouseholdMemberValidator : AbstractValidator<UpdateHouseholdMemberCommand>
{
    public UpdateHouseholdMemberValidator()
    {
        var member = new MemberInputValidator(MemberIdentity.Existing);
        RuleFor(c => c.Member).NotNull().Custom((m, context) =>
        {
            if (m is not null)
            {
                member.Validate(m).Errors.ForEach(context.AddFailure);
            }
        });
    }
}
