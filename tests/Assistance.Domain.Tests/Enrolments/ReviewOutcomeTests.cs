namespace Assistance.Domain.Tests.Enrolments;

using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Regions;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

/// <summary>R-30, R-31, R-32: the outcome rule and what a review does to the enrolment.</summary>
public sealed class ReviewOutcomeTests
{
    private static Enrolment Dibao(Programme programme = Programme.Dibao) =>
        Enrolment.CreateOnApproval(Guid.NewGuid(), RegionCode.Parse("320682"), Guid.NewGuid(), programme, Guid.NewGuid(), null,
            [new CoveredPerson(Guid.NewGuid(), "320682195001010011")], 850.00m, "C", 6, null, D("2025-03-14"), []);

    private static ReviewFindings Findings(bool qualifies, decimal amount = 850.00m, bool work = false, int months = 6, int? interval = 6) =>
        new(qualifies, amount, work, months, interval);

    [TestCase(true, 850.00, false, 6, Programme.Dibao, ReviewOutcome.Continue, "R-30")]
    [TestCase(true, 700.00, false, 6, Programme.Dibao, ReviewOutcome.Adjust, "R-30")]
    [TestCase(false, 0, true, 6, Programme.Dibao, ReviewOutcome.GradualExit, "R-32")]
    [TestCase(false, 0, true, 0, Programme.Dibao, ReviewOutcome.Terminate, "R-30")]
    [TestCase(false, 0, false, 6, Programme.Dibao, ReviewOutcome.Terminate, "R-30")]
    [TestCase(false, 0, true, 6, Programme.DibaoMarginal, ReviewOutcome.Terminate, "R-30")]
    public void Rule_DecidesTheOutcome(bool qualifies, decimal amount, bool work, int months, Programme programme, ReviewOutcome outcome, string rule)
    {
        var decision = ReviewOutcomeRule.Decide(programme, 850.00m, Findings(qualifies, amount, work, months));
        Assert.That((decision.Outcome, decision.Rule), Is.EqualTo((outcome, rule)));
        Assert.That(decision.Source, Is.Not.Empty);
    }

    [Test]
    public void Adjust_ChangesTheAmountFromTheNextMonth_AndMovesTheNextReview()
    {
        var e = Dibao();
        var review = e.RecordReview(Guid.NewGuid(), e.HouseholdId, 3, D("2025-10-08"), Findings(true, 700.00m, interval: 12), false, null, D("2025-10-09"));
        Assert.That((review.Outcome, review.EffectiveMonth, e.MonthlyAmount, e.NextReviewOn, e.ReviewIntervalMonths),
            Is.EqualTo((ReviewOutcome.Adjust, (DateOnly?)D("2025-11-01"), 700.00m, (DateOnly?)D("2026-10-08"), (int?)12)));
        Assert.That(e.DomainEvents.OfType<EnrolmentAmountChanged>().Single().EffectiveMonth, Is.EqualTo(D("2025-11-01")));
        Assert.That(e.DomainEvents.OfType<EnrolmentReviewed>().Single().Review.Id, Is.EqualTo(review.Id));
    }

    [Test]
    public void GradualExit_KeepsTheAmountUntilTheEndOfTheLastMonth()
    {
        var e = Dibao();
        var review = e.RecordReview(Guid.NewGuid(), e.HouseholdId, 3, D("2025-12-31"), Findings(false, work: true, months: 6), false, null, D("2025-12-31"));
        Assert.That((e.Status, e.MonthlyAmount, e.GradualExitEndsOn, e.NextReviewOn),
            Is.EqualTo((EnrolmentStatus.GradualExit, 850.00m, (DateOnly?)D("2026-06-30"), (DateOnly?)null)));
        Assert.That(review.GradualExitEndsOn, Is.EqualTo(D("2026-06-30")));
        e.CompleteGradualExit(D("2026-06-30"), D("2026-07-01"));
        Assert.That((e.Status, e.EndedOn), Is.EqualTo((EnrolmentStatus.Ended, (DateOnly?)D("2026-06-30"))));
    }

    [Test]
    public void Terminate_UnderAMoratorium_IsPostponed_ThenApplied()
    {
        var e = Dibao();
        var review = e.RecordReview(Guid.NewGuid(), e.HouseholdId, 3, D("2025-10-08"), Findings(false), true, null, D("2025-10-08"));
        Assert.That((review.Outcome, review.TerminationPostponed, e.Status, e.TerminationPendingSince),
            Is.EqualTo((ReviewOutcome.Terminate, true, EnrolmentStatus.Active, (DateOnly?)D("2025-10-08"))));
        var again = Assert.Throws<BusinessRuleViolationException>(() =>
            e.RecordReview(Guid.NewGuid(), e.HouseholdId, 3, D("2025-10-09"), Findings(true), true, null, D("2025-10-09")));
        Assert.That((again!.Code, again.RuleId), Is.EqualTo(("review.enrolment-not-active", "R-30; N-57 Art.31")));
        e.ApplyPostponedTermination(D("2025-11-30"), D("2025-12-01"));
        Assert.That((e.Status, e.EndedOn, e.TerminationPendingSince), Is.EqualTo((EnrolmentStatus.Ended, (DateOnly?)D("2025-11-30"), (DateOnly?)null)));
    }

    [TestCase("2025-03-13", TestName = "ReviewDate_BeforeApproval_IsRefused")]
    [TestCase("2025-10-10", TestName = "ReviewDate_AfterToday_IsRefused")]
    public void ReviewDate_OutsideTheEnrolment_IsRefused(string reviewedOn)
    {
        var e = Dibao();
        var ex = Assert.Throws<BusinessRuleViolationException>(() =>
            e.RecordReview(Guid.NewGuid(), e.HouseholdId, 3, D(reviewedOn), Findings(true), false, null, D("2025-10-09")));
        Assert.That(ex!.Code, Is.EqualTo("review.date-out-of-range"));
        Assert.That(e.DomainEvents.OfType<EnrolmentReviewed>(), Is.Empty);
    }
}
