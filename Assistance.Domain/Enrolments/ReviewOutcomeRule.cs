namespace Assistance.Domain.Enrolments;

using System.Globalization;
using Assistance.Domain.Applications;

/// <summary>
/// R-30 (核查 outcomes; N-57 Art.31: reviewed on the interval, the amount adjusted or the enrolment ended as the facts
/// change) and R-32 (渐退: S0 一; S1 一.3; N-83). Decides a review's outcome from the reassessment on the review date:
/// <list type="bullet">
/// <item>still granted at the same amount: Continue; at another amount: Adjust (paid from the next month);</item>
/// <item>no longer granted because a member found work, on a dibao enrolment, where the region's
/// <c>dibao.gradualExit.maxMonths</c> is above zero: GradualExit (the amount continues unchanged for that many months);</item>
/// <item>otherwise: Terminate.</item>
/// </list>
/// </summary>
public static class ReviewOutcomeRule
{
    public const string ReviewRule = "R-30";
    public const string ReviewSource = "N-57 Art.31; S0 二";
    public const string GradualExitRule = "R-32";
    public const string GradualExitSource = "S0 一; S1 一.3; N-83";

    public static ReviewDecision Decide(Programme programme, decimal currentAmount, ReviewFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var c = CultureInfo.InvariantCulture;
        if (findings.StillQualifies)
        {
            return findings.ReassessedAmount == currentAmount
                ? new ReviewDecision(ReviewOutcome.Continue, ReviewRule, ReviewSource, string.Create(c, $"Still entitled at {currentAmount:F2} a month."))
                : new ReviewDecision(
                    ReviewOutcome.Adjust, ReviewRule, ReviewSource,
                    string.Create(c, $"Still entitled; the amount changes from {currentAmount:F2} to {findings.ReassessedAmount:F2} a month from the next month."));
        }

        if (programme == Programme.Dibao && findings.IncomeRiseFromEmployment && findings.GradualExitMaxMonths > 0)
        {
            return new ReviewDecision(
                ReviewOutcome.GradualExit, GradualExitRule, GradualExitSource,
                string.Create(c, $"Over the line because a member found work: {currentAmount:F2} a month continues for {findings.GradualExitMaxMonths} months, then the enrolment ends."));
        }

        var why = programme != Programme.Dibao || !findings.IncomeRiseFromEmployment
            ? "no longer entitled"
            : "no longer entitled, and the region grants no gradual exit (dibao.gradualExit.maxMonths is 0)";
        return new ReviewDecision(ReviewOutcome.Terminate, ReviewRule, ReviewSource, string.Create(c, $"The reassessment on the review date finds the household {why}."));
    }
}
