namespace Assistance.Domain.TemporaryAssistance;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

// Business rules of temporary assistance (临时救助) and the township reserve fund (备用金), each with R-id and clause.

/// <summary>R-42: a step is only possible from the statuses the case's lifecycle allows.</summary>
public sealed class TemporaryAssistanceStepIsAllowed(string action, TemporaryAssistanceStatus current, params TemporaryAssistanceStatus[] allowed) : IBusinessRule
{
    public string Code => "temporary-assistance.invalid-transition";

    public string Message => $"'{action}' is not possible while the case is {current}; it needs {string.Join(" or ", allowed)}.";

    public string Source => "R-42; domain.md §6";

    public bool IsBroken() => !allowed.Contains(current);
}

/// <summary>
/// R-43; S2 四(十三) 分级审批; S3 三(二)7: the case is decided at its tier. A township-tier case needs a township (or
/// higher) account, a county-tier or 一事一议 case a county (or higher) account; a village account decides nothing.
/// </summary>
public sealed class DeciderIsAtTheApprovalTier(ApprovalTier tier, RegionLevel deciderLevel) : IBusinessRule
{
    public string Code => "temporary-assistance.decision-above-tier";

    public string Message => $"This case is decided at {tier} level (its amount in months of the local dibao standard); a {deciderLevel} account cannot decide it.";

    public string Source => "R-43; S2 四(十三) 分级审批; S3 三(二)7";

    public bool IsBroken() => !Reaches(deciderLevel, tier);

    /// <summary>True when an account at <paramref name="level"/> may decide a case of <paramref name="tier"/>.</summary>
    public static bool Reaches(RegionLevel level, ApprovalTier tier) => tier switch
    {
        ApprovalTier.Township => level is RegionLevel.National or RegionLevel.Province or RegionLevel.City or RegionLevel.County or RegionLevel.Township,
        _ => level is RegionLevel.National or RegionLevel.Province or RegionLevel.City or RegionLevel.County,
    };
}

/// <summary>R-43; S2 四(十三) 一事一议; S0 三: a case above the case-by-case limit is approved only with the coordination meeting's reference.</summary>
public sealed class CaseByCaseApprovalHasMeetingReference(ApprovalTier tier, string? meetingReference) : IBusinessRule
{
    public string Code => "temporary-assistance.meeting-reference-required";

    public string Message => "A 一事一议 case is approved by the county coordination mechanism: give the meeting's reference (meetingReference).";

    public string Source => "R-43; S2 四(十三) 一事一议; S0 三";

    public bool IsBroken() => tier == ApprovalTier.CaseByCase && string.IsNullOrWhiteSpace(meetingReference);
}

/// <summary>R-42: a refusal states its reasons in writing.</summary>
public sealed class TemporaryAssistanceRefusalHasReasons(string? reasons) : IBusinessRule
{
    public string Code => "temporary-assistance.refusal-needs-reasons";

    public string Message => "A refusal must give written reasons.";

    public string Source => "R-42; S2 四(十三)";

    public bool IsBroken() => string.IsNullOrWhiteSpace(reasons);
}

/// <summary>R-44; S2 四(十三) 先行救助; S3 三(二)7; S4 三: only an emergency (急难型) case may be paid before its approval.</summary>
public sealed class OnlyEmergencyCasesArePaidFirst(TemporaryAssistanceType type) : IBusinessRule
{
    public string Code => "temporary-assistance.first-aid-emergency-only";

    public string Message => "Only an emergency (急难型) case may be paid first (先行救助); an expenditure case is paid after its approval.";

    public string Source => "R-44; S2 四(十三); S3 三(二)7";

    public bool IsBroken() => type != TemporaryAssistanceType.Emergency;
}

/// <summary>R-44; S2 四(十三) 事后补充说明情况: paperwork is recorded after a first-aid payment, once.</summary>
public sealed class PaperworkFollowsAFirstAidPayment(bool paidFirst, bool paperworkDone) : IBusinessRule
{
    public string Code => "temporary-assistance.no-paperwork-pending";

    public string Message => paidFirst ? "The paperwork of this first-aid payment is already recorded." : "Only a case paid first (先行救助) records its paperwork afterwards.";

    public string Source => "R-44; S2 四(十三)";

    public bool IsBroken() => !paidFirst || paperworkDone;
}

/// <summary>R-42; S0 三: the unemployed-migrant one-off grant is 3–6 months of the local dibao standard (the band's parameters).</summary>
public sealed class MigrantGrantIsWithinItsBand(Money amount, MigrantGrantBand band) : IBusinessRule
{
    public string Code => "temporary-assistance.migrant-grant-out-of-band";

    public string Message => $"The unemployed-migrant one-off grant is {band.MinMonths}–{band.MaxMonths} months of the local dibao standard: between {band.Min} and {band.Max} yuan here, not {amount}.";

    public string Source => "R-42; S0 三";

    public bool IsBroken() => amount < band.Min || amount > band.Max;
}

/// <summary>R-45; S2 四(十三) 储备金; S4 三 备用金: a township's reserve fund never goes negative.</summary>
public sealed class ReserveFundCoversTheDisbursement(Money balance, Money amount) : IBusinessRule
{
    public string Code => "reserve-fund.insufficient-balance";

    public string Message => $"The township's reserve fund (备用金) holds {balance} yuan and cannot pay {amount}: top it up first.";

    public string Source => "R-45; S2 四(十三); S4 三";

    public bool IsBroken() => amount > balance;
}

/// <summary>R-45: money moves in and out of a reserve fund in positive amounts only.</summary>
public sealed class ReserveFundMovementIsPositive(Money amount) : IBusinessRule
{
    public string Code => "reserve-fund.amount-not-positive";

    public string Message => "A top-up or disbursement is a positive amount of yuan.";

    public string Source => "R-45";

    public bool IsBroken() => amount <= Money.Zero;
}
