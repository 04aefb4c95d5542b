namespace Assistance.Domain.TemporaryAssistance;

/// <summary>The two kinds of temporary assistance (临时救助, R-42; S2 四(十三); S4 三).</summary>
public enum TemporaryAssistanceType
{
    /// <summary>急难型: a sudden, urgent hardship; may be paid first (先行救助, R-44).</summary>
    Emergency,

    /// <summary>支出型: a rigid expenditure the household cannot bear.</summary>
    Expenditure,
}

/// <summary>Who approves a case, derived from its amount in months of the local dibao standard .</summary>
public enum ApprovalTier
{
    /// <summary>The township (乡镇/街道) approves up to <c>temporary.townshipApprovalMaxMonths</c>.</summary>
    Township,

    /// <summary>The county civil-affairs department approves above the township's limit.</summary>
    County,

    /// <summary>一事一议: above <c>temporary.caseByCaseAboveMonths</c>, the county coordination mechanism decides in a meeting.</summary>
    CaseByCase,
}

public enum TemporaryAssistanceStatus
{
    /// <summary>Recorded, awaiting the decision at its tier.</summary>
    Submitted,

    Approved,

    Refused,

    /// <summary>Paid from the township's reserve fund; a first-aid payment may still await its paperwork.</summary>
    Paid,
}
