namespace Assistance.Domain.Applications;

/// <summary>
/// The time limits of domain.md §7, in working days unless marked. Dibao, marginal and expenditure-hardship
/// cases follow N-57; tekun cases follow N-43.
/// </summary>
public static class StatutoryTimeLimits
{
    public const string N57 = "R-50; N-57";
    public const string N43 = "R-50; N-43";

    /// <summary>公示: 7 calendar days, the day it opens included.</summary>
    public const int PublicNoticeCalendarDays = 7;

    public const int StartVerificationWorkingDays = 3;
    public const int DataCheckWorkingDays = 3;
    public const int DibaoDecisionWorkingDays = 10;
    public const int RefusalNoticeWorkingDays = 3;
    public const int WholeProcessWorkingDays = 30;
    public const int ExtendedWholeProcessWorkingDays = 45;
    public const int TekunInvestigationWorkingDays = 15;
    public const int TekunDecisionWorkingDays = 15;

    /// <summary>N-43: the county checks at least this share of tekun cases at home (抽查).</summary>
    public const decimal TekunRandomCheckMinShare = 0.30m;

    public static int DecisionWorkingDays(Programme programme) =>
        programme == Programme.Tekun ? TekunDecisionWorkingDays : DibaoDecisionWorkingDays;

    public static string Source(Programme programme) => programme == Programme.Tekun ? N43 : N57;
}
