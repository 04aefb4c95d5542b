namespace Assistance.Application.Reviews.RecordReview;

using Assistance.Application.Abstractions;
using Assistance.Application.Applications;
using Assistance.Application.Common;
using Assistance.Application.Enrolments;
using Assistance.Application.Households;
using Assistance.Application.Policy;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Policy;

public sealed class RecordReviewHandler(
    IEnrolmentRepository enrolments,
    IReviewRepository reviews,
    IHouseholdQueries households,
    IEligibilityAssessor assessor,
    IPolicyStore policy,
    ICurrentUser user,
    TimeProvider clock) : ICommandHandler<RecordReviewCommand, ReviewDto>
{
    public async Task<ReviewDto> Handle(RecordReviewCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = VersionedLoad.Require(
            await enrolments.GetAsync(user.Scope, request.EnrolmentId, cancellationToken).ConfigureAwait(false),
            "Enrolment", request.EnrolmentId, request.ExpectedVersion, x => x.Enrolment.Version);
        var enrolment = found.Enrolment;
        var loadedVersion = enrolment.Version;
        var today = clock.Today();
        BusinessRules.Check(new EndedEnrolmentIsNeverReactivated(enrolment.Status, "review"));
        BusinessRules.Check(new OnlyAnActiveEnrolmentIsReviewed(enrolment.Status, enrolment.TerminationPendingSince is not null));
        BusinessRules.Check(new ReviewDateIsWithinTheEnrolment(request.ReviewedOn, enrolment.ApprovedOn, today));

        // The findings are the stored household the caseworker updated: the version named must still be the stored one.
        var household = await households.GetAsync(user.Scope, enrolment.HouseholdId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Household", enrolment.HouseholdId.ToString());
        if (household.Version != request.HouseholdVersion)
        {
            throw new BusinessRuleViolationException(
                "review.household-version-stale",
                $"The household changed since version {request.HouseholdVersion} (it is at version {household.Version}): read it again and review the current facts.",
                "R-30");
        }

        // The same assessor path as approval: the stored household on the review date, tekunSince filled from the
        // active enrolments so a tekun minor still in school continues.
        var assessment = await assessor.AssessAsync(user.Scope, enrolment.HouseholdId, enrolment.Region, request.ReviewedOn, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Household", enrolment.HouseholdId.ToString());
        var (stillQualifies, amount) = ReviewEntitlement.Of(enrolment, assessment);
        var gradualExitMonths = await PolicyReader.GradualExitMaxMonthsAsync(policy, enrolment.Region, request.ReviewedOn, cancellationToken).ConfigureAwait(false);
        var moratorium = await reviews.MoratoriumInForceAsync(user.Scope, enrolment.Region, today, cancellationToken).ConfigureAwait(false);

        var review = enrolment.RecordReview(
            Guid.CreateVersion7(), enrolment.HouseholdId, household.Version, request.ReviewedOn,
            new ReviewFindings(stillQualifies, amount, request.IncomeRiseFromEmployment, gradualExitMonths, assessment.ReviewIntervalMonths),
            moratorium, request.Note, today);
        await enrolments.SaveAsync(user.Scope, enrolment, loadedVersion, cancellationToken).ConfigureAwait(false);
        await reviews.AddAsync(user.Scope, review, assessment.ResultJson, user.Subject, cancellationToken).ConfigureAwait(false);
        return ReviewDto.From(review, assessment.ResultJson, user.Subject);
    }
}
