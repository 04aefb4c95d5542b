namespace Assistance.Application.Policy.GetParameterHistory;

using Assistance.Application.Common;
using FluentValidation;

public sealed class GetParameterHistoryValidator : AbstractValidator<GetParameterHistoryQuery>
{
    public GetParameterHistoryValidator()
    {
        RuleFor(q => q.Residence).IsInEnum();
        RuleFor(q => q.RegionCode).NotEmpty().ValidRegionCode();
    }
}
