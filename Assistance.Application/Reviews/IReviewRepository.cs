namespace Assistance.Application.Reviews;

using Assistance.Application.Abstractions;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Regions;

/// <summary>Reviews (核查) and the set-based selections of dynamic management (R-30 … R-32).</summary>
public interface IReviewRepository
{
    Task AddAsync(RegionScope scope, EnrolmentReview review, string assessmentJson, string recordedBy, CancellationToken cancellationToken);

    Task<StoredReview?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    /// <summary>The enrolment's reviews in recording order (ids are time-ordered), after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<StoredReview>> ListForEnrolmentAsync(RegionScope scope, Guid enrolmentId, Guid? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Enrolments of the scope not ended whose next review is before <paramref name="before"/>, except where a review
    /// moratorium is in force on <paramref name="today"/> (R-31), ordered by region code, date and id.
    /// </summary>
    Task<IReadOnlyList<DueReviewDto>> ListDueAsync(
        RegionScope scope, DateOnly before, DateOnly today, DuePosition? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Exits that take effect on <paramref name="asOf"/> (set-based): gradual exits whose last day is before it and
    /// terminations postponed by a moratorium, in regions where no moratorium is in force on that day.
    /// </summary>
    Task<IReadOnlyList<ExitToApply>> ListExitsToApplyAsync(RegionScope scope, DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>Whether a review moratorium is in force for the region or an ancestor on <paramref name="onDay"/> (R-31).</summary>
    Task<bool> MoratoriumInForceAsync(RegionScope scope, RegionCode region, DateOnly onDay, CancellationToken cancellationToken);
}

/// <summary>An enrolment to end: a completed gradual exit or a postponed termination, and its end date.</summary>
public sealed record ExitToApply(Guid EnrolmentId, bool GradualExit, DateOnly EndedOn);
