namespace Assistance.Application.Enrolments.ListEnrolments;

using FluentValidation;

public sealed class ListEnrolmentsValidator : AbstractValidator<ListEnrolmentsQuery>
{
    public ListEnrolmentsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
    }
}
