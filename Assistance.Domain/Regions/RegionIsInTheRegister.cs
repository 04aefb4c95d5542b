namespace Assistance.Domain.Regions;

using Assistance.Domain.Common;

/// <summary>
/// domain.md §1 (GB/T 2260): a case or a registration is kept in a region of the region register (行政区划),
/// not in a code of the right shape that names no region (bad input, 400 on the region field).
/// </summary>
public sealed class RegionIsInTheRegister(RegionCode region, bool inRegister) : IBusinessRule
{
    public string Code => "region.not-in-register";

    public string Message => $"Region {region} is not in the register.";

    public string Source => "R-20, R-21; domain.md §1; GB/T 2260";

    public bool IsBroken() => !inRegister;
}
