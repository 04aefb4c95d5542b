namespace Assistance.Domain.Payments;

using Assistance.Domain.Enrolments;

/// <summary>
/// which months an enrolment pays for. Payment starts with the month after approval (N-57 Art.21: the
/// enrolment's start month). An ended enrolment pays through the month in which it ended and nothing after it (the
/// end takes effect from the following month, as the start does). A suspended enrolment pays nothing while suspended;
/// a gradual exit (渐退, R-32) pays the unchanged amount. A roll reads the enrolments as they stand when it is
/// generated; the SQL of the roll generation applies exactly this test.
/// </summary>
public static class PaidMonths
{
    public static bool Pays(DateOnly startMonth, EnrolmentStatus status, DateOnly? endedOn, DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return startMonth <= first
            && status != EnrolmentStatus.Suspended
            && (endedOn is not { } ended || ended >= first);
    }
}
