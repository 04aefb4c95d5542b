namespace Assistance.Application.Applications;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;
using Assistance.Domain.Regions;
using CaseApplication = Assistance.Domain.Applications.Application;

/// <summary>A household of the register as the workflow needs it (read from the household register's tables).</summary>
public sealed record HouseholdInfo(Guid Id, RegionCode Region, IReadOnlyList<HouseholdMemberInfo> Members);

public sealed record HouseholdMemberInfo(Guid Id, string IdNumber, string Name, string Status);

/// <summary>Read access to the household register (owned by the households module).</summary>
public interface IHouseholdDirectory
{
    Task<HouseholdInfo?> FindAsync(RegionScope scope, Guid householdId, CancellationToken cancellationToken);
}

public interface IApplicationRepository
{
    Task<(CaseApplication Application, string? AssessmentJson)?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    /// <summary>The household's open application for this programme, if any.</summary>
    Task<Guid?> FindOpenAsync(RegionScope scope, Guid householdId, Programme programme, CancellationToken cancellationToken);

    Task AddAsync(RegionScope scope, CaseApplication application, IReadOnlyList<Deadline> deadlines, CancellationToken cancellationToken);

    /// <summary>
    /// Saves when the stored version is still <paramref name="expectedVersion"/> (the row is locked for the rest of the
    /// transaction); otherwise throws <see cref="Common.VersionMismatchException"/>. Bumps the aggregate's version.
    /// </summary>
    Task SaveAsync(RegionScope scope, CaseApplication application, long expectedVersion, IReadOnlyList<Deadline> deadlines, string? assessmentJson, CancellationToken cancellationToken);

    /// <summary>Tekun applications awaiting the county's decision in a county, for the ≥ 30 % random home checks.</summary>
    Task<IReadOnlyList<Guid>> ListAwaitingDecisionAsync(RegionScope county, Programme programme, CancellationToken cancellationToken);
}

/// <summary>One registered close relative who is a member of the applying household .</summary>
public interface ICloseRelativeMatcher
{
    Task<IReadOnlyList<ConflictOfInterestMatch>> FindAsync(RegionCode county, IReadOnlyCollection<string> idNumbers, CancellationToken cancellationToken);
}

/// <summary>
/// The eligibility engine, seen from the workflow: assesses a registered household on a date (domain.md §3). Returns
/// null when no engine is wired in: the decision is then recorded without an assessment and no enrolment is created
/// (never a made-up result).
/// </summary>
public interface IEligibilityAssessor
{
    Task<EligibilityAssessment?> AssessAsync(RegionScope scope, Guid householdId, RegionCode region, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>The engine's result as stored with the decision: summary fields plus the full result and trace as JSON.</summary>
public sealed record EligibilityAssessment(
    string Outcome,
    decimal MonthlyAmount,
    string? DibaoClass,
    int? ReviewIntervalMonths,
    IReadOnlyList<MemberAssessment> Members,
    string ResultJson);

/// <summary>One member's outcome; <c>MonthlyAmount</c> is the member's own cash (tekun, single-person dibao) or null.</summary>
public sealed record MemberAssessment(Guid MemberId, string IdNumber, string Outcome, decimal? MonthlyAmount);

/// <summary>Loads the statutory time limits (deadline.* parameters, R-50) of the region where a case is handled.</summary>
public static class TimeLimitsLoader
{
    public static async Task<StatutoryTimeLimits> TimeLimitsAsync(this Policy.IPolicyStore store, RegionCode region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var resolver = await store.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new Common.NotFoundException("Region", region.Value);
        return new StatutoryTimeLimits(resolver, region);
    }
}
