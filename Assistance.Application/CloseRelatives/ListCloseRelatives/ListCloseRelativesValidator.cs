namespace Assistance.Application.CloseRelatives.ListCloseRelatives;

using Assistance.Application.Common;
using FluentValidation;

public sealed class ListCloseRelativesValidator : AbstractValidator<ListCloseRelativesQuery>
{
    public ListCloseRelativesValidator() =>
        RuleFor(q => q.RegionCode).ValidRegionCodeOrNull();
}
