namespace Assistance.Application.Abstractions;

using Assistance.Application.Common;
using Assistance.Domain.Regions;

/// <summary>
/// The region subtree a caller may read and write, derived once from the token (<see cref="ICurrentUser.Scope"/>).
/// Every repository method touching region-owned rows takes one and filters in SQL, so a forgotten check is a
/// compile error, and a row outside the scope is simply not found (404, never 403: nothing leaks about it).
/// PostgreSQL enforces the same subtree again with row-level security (see <see cref="DatabasePrefix"/>).
/// </summary>
public sealed class RegionScope
{
    private RegionScope(RegionCode root) => Root = root;

    /// <summary>Everything: for national callers and system work (seeders, purges) only.</summary>
    public static RegionScope National { get; } = new(RegionCode.National);

    public RegionCode Root { get; }

    /// <summary>For SQL: <c>starts_with(region_code, @prefix)</c>; empty for national (every code matches).</summary>
    public string Prefix => Root.SubtreePrefix;

    /// <summary>
    /// The value of the per-transaction setting <c>assistance.region_prefix</c> the row-level security policies read:
    /// the subtree prefix, or <c>*</c> for national (an empty or missing setting means "nothing", failing closed).
    /// </summary>
    public string DatabasePrefix => Root.Level == RegionLevel.National ? "*" : Root.SubtreePrefix;

    public static RegionScope Of(RegionCode root) => new(root);

    public bool Includes(RegionCode region) => Root.Contains(region);

    /// <summary>
    /// The scope narrowed to a region filter of the request (null: the whole scope). A region outside the scope is
    /// answered as unknown (404 <c>region.not-found</c>), like any row outside it.
    /// </summary>
    public RegionScope Narrow(string? regionCode, string field = "regionCode") =>
        regionCode is null ? this : Narrow(RegionCode.Parse(regionCode, field));

    public RegionScope Narrow(RegionCode region) =>
        Includes(region) ? new RegionScope(region) : throw new NotFoundException("Region", region.Value);

    /// <summary>Throws 404 unless the region lies in the scope (for rows about to be written).</summary>
    public void Require(RegionCode region)
    {
        if (!Includes(region))
        {
            throw new NotFoundException("Region", region.Value);
        }
    }

    public override string ToString() => Root.Value;
}
