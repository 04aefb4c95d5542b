namespace Assistance.Domain.Households;

/// <summary>Residence type (城市 / 农村); picks the urban or rural standard (N-43 Art.19).</summary>
public enum ResidenceType
{
    Urban,
    Rural,
}

/// <summary>
/// Member status. Only <see cref="Present"/> members are counted in the household (R-01; N-57 Art.7).
/// </summary>
public enum MemberStatus
{
    Present,

    /// <summary>服刑.</summary>
    Imprisoned,

    /// <summary>强制隔离戒毒.</summary>
    CompulsoryRehab,

    /// <summary>宣告失踪.</summary>
    Missing,

    /// <summary>宗教教职人员在外≥3年.</summary>
    ReligiousAway,
    Deceased,
}

/// <summary>Labour capacity (劳动能力).</summary>
public enum LaborCapacity
{
    Full,
    Partial,
    None,
}

/// <summary>Disability category (残疾类别) on the disability certificate.</summary>
public enum DisabilityCategory
{
    Physical,
    Intellectual,
    Mental,
    Visual,
    Hearing,
    Speech,
    Multiple,
}

/// <summary>Self-care level (生活自理能力), N-43 Art.20–23: six activities, ≤3 unable = partial, ≥4 = full.</summary>
public enum SelfCareLevel
{
    /// <summary>全自理.</summary>
    SelfCare,

    /// <summary>半失能.</summary>
    PartialCare,

    /// <summary>全失能.</summary>
    FullCare,
}

/// <summary>Income types used by the income tests (domain.md §1).</summary>
public enum IncomeType
{
    Wage,
    Business,
    Property,
    Transfer,

    /// <summary>城乡居民基础养老金.</summary>
    ResidentBasicPension,

    /// <summary>优待抚恤金.</summary>
    PreferentialCare,

    /// <summary>奖学金, 见义勇为, 计划生育奖励.</summary>
    Award,

    /// <summary>高龄津贴.</summary>
    OldAgeAllowance,

    /// <summary>Any assistance cash or goods.</summary>
    SocialAssistance,
}

/// <summary>Relationship to the household head.</summary>
public enum Relationship
{
    Head,
    Spouse,
    Child,
    Parent,
    Sibling,
    Grandchild,
    Grandparent,
    Other,
}

/// <summary>A disability certificate's category and grade (1 = most severe … 4).</summary>
public sealed record Disability(DisabilityCategory Category, int Grade);

/// <summary>One monthly income item; <c>Unstable</c> marks irregular income .</summary>
public sealed record IncomeItem(IncomeType Type, decimal MonthlyAmount, bool Unstable);
