namespace Assistance.Application.Common;

using FluentValidation;

/// <summary>The one validation rule for a region code in a request (GB/T 2260 / GB/T 10114: 6, 9 or 12 digits).</summary>
public static class RegionCodeRules
{
    public const string Message = "regionCode must be 6, 9 or 12 digits.";

    /// <summary>A region code is required and well-formed.</summary>
    public static IRuleBuilderOptions<T, string?> ValidRegionCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage(Message);

    /// <summary>A region code may be omitted (the caller's own region is meant); when given it is well-formed.</summary>
    public static IRuleBuilderOptions<T, string?> ValidRegionCodeOrNull<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage(Message);
}
