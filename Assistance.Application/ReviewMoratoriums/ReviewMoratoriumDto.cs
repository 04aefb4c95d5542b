namespace Assistance.Application.ReviewMoratoriums;

using System.ComponentModel.DataAnnotations;
using Assistance.Domain.Reviews;

/// <summary>A review moratorium (暂停复查及退出, R-31).</summary>
/// <param name="Id">Moratorium id.</param>
/// <param name="RegionCode">The region; its whole subtree is covered.</param>
/// <param name="From">First day in force.</param>
/// <param name="To">First day no longer in force (exclusive); null while open-ended.</param>
/// <param name="Reason">Why (e.g. 疫情防控期间).</param>
/// <param name="Source">The document and clause that declared it (e.g. S4 三).</param>
/// <param name="EndSource">The document that ended it, when <c>to</c> is set.</param>
/// <param name="InForce">Whether it is in force today.</param>
/// <param name="Version">Version for If-Match.</param>
public sealed record ReviewMoratoriumDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    DateOnly From,
    DateOnly? To,
    [property: MaxLength(2000)] string Reason,
    [property: MaxLength(200)] string Source,
    [property: MaxLength(200)] string? EndSource,
    bool InForce,
    [property: Range(0, long.MaxValue)] long Version)
{
    public static ReviewMoratoriumDto Of(ReviewMoratorium m, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new ReviewMoratoriumDto(m.Id, m.Region.Value, m.From, m.To, m.Reason, m.Source, m.EndSource, m.InForceOn(today), m.Version);
    }
}
