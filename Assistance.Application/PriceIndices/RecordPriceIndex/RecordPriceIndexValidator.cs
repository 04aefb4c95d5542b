namespace Assistance.Application.PriceIndices.RecordPriceIndex;

using Assistance.Application.Common;
using Assistance.Application.PaymentRolls;
using FluentValidation;

public sealed class RecordPriceIndexValidator : AbstractValidator<RecordPriceIndexCommand>
{
    public RecordPriceIndexValidator()
    {
        RuleFor(c => c.RegionCode).ValidRegionCode();
        RuleFor(c => c.IndexMonth).ValidMonth();
        RuleFor(c => c.CpiPercent).InclusiveBetween(-100m, 100m).Must(Domain.Common.Money.IsWholeFen).WithMessage("cpiPercent has at most two decimals.");
        RuleFor(c => c.FoodCpiPercent).InclusiveBetween(-100m, 100m).Must(Domain.Common.Money.IsWholeFen).WithMessage("foodCpiPercent has at most two decimals.");
        RuleFor(c => c.Source).NotEmpty().MaximumLength(500);
        RuleFor(c => c.PublishedOn)
            .Must((c, published) => !Months.TryParse(c.IndexMonth, out var month) || published >= month)
            .WithMessage("publishedOn cannot be before the index month.");
    }
}
