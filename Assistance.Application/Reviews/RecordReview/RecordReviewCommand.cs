namespace Assistance.Application.Reviews.RecordReview;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>
/// Records a review (核查, R-30) of an enrolment. The caseworker first brings the stored household up to date (the
/// household endpoints, through the Household aggregate), then records the review naming the household version the
/// findings are in; the engine reassesses that household on <paramref name="ReviewedOn"/>.
/// </summary>
public sealed record RecordReviewCommand(
    Guid EnrolmentId, IfMatch ExpectedVersion, DateOnly ReviewedOn, long HouseholdVersion, bool IncomeRiseFromEmployment, string? Note)
    : ICommand<ReviewDto>;
