namespace Assistance.Application.PaymentRolls;

using Assistance.Domain.Regions;
using FluentValidation;

/// <summary>Rolls are made per county (区县): the level that pays and whose parameters (standards, rounding) apply.</summary>
public static class RollRequestRules
{
    public const string CountyMessage = "regionCode must be a county code (6 digits, not a province or city).";

    public static IRuleBuilderOptions<T, string?> CountyCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => RegionCode.TryParse(c, out var region) && region.Level == RegionLevel.County).WithMessage(CountyMessage);
}
