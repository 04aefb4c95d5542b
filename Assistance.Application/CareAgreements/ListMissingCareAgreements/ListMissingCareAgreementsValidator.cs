namespace Assistance.Application.CareAgreements.ListMissingCareAgreements;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListMissingCareAgreementsValidator : AbstractValidator<ListMissingCareAgreementsQuery>
{
    public ListMissingCareAgreementsValidator() =>
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
}
