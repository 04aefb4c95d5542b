namespace Assistance.Application.Applications;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;

/// <summary>County-level acts need a county (or higher) account: township and village tokens are refused.</summary>
public static class BusinessRulesAtCounty
{
    public static bool IsCountyOrAbove(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Region.Level is Domain.Regions.RegionLevel.National or Domain.Regions.RegionLevel.Province
            or Domain.Regions.RegionLevel.City or Domain.Regions.RegionLevel.County;
    }

    public static void Check(ICurrentUser user) =>
        Domain.Common.BusinessRules.Check(new DecisionIsTakenAtCountyLevel(IsCountyOrAbove(user)));
}
