namespace Assistance.Application.Enrolments.ListEnrolments;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListEnrolmentsValidator : AbstractValidator<ListEnrolmentsQuery>
{
    public ListEnrolmentsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
    }
}
