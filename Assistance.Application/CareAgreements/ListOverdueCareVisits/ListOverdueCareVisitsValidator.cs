namespace Assistance.Application.CareAgreements.ListOverdueCareVisits;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListOverdueCareVisitsValidator : AbstractValidator<ListOverdueCareVisitsQuery>
{
    public ListOverdueCareVisitsValidator() =>
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
}
