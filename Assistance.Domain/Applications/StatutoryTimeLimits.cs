namespace Assistance.Domain.Applications;

using Assistance.Domain.Calendar;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>
/// The time limits of domain.md §7 for one region, read from the <c>deadline.*</c> parameters in force on the
/// day each period starts, so a regional override changes the due dates of that region's cases. Dibao, marginal and
/// expenditure-hardship cases follow N-57; tekun cases follow N-43. Counting follows Civil Code Art. 200–204: the
/// day of the event is not counted; a period in calendar days that ends on a rest day ends on the next working day.
/// </summary>
public sealed class StatutoryTimeLimits
{
    public const string N57 = "R-50; N-57";
    public const string N43 = "R-50; N-43";
    private const decimal Hundred = 100m;

    private readonly ParameterResolver parameters;
    private readonly RegionCode region;

    public StatutoryTimeLimits(ParameterResolver parameters, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.parameters = parameters;
        this.region = region;
    }

    public static string Source(Programme programme) => programme == Programme.Tekun ? N43 : N57;

    public static ParameterDefinition PublicNoticeKey(Programme programme) =>
        programme == Programme.Tekun ? ParameterCatalog.DeadlineTekunPublicNotice : ParameterCatalog.DeadlineDibaoPublicNotice;

    public static ParameterDefinition DecisionKey(Programme programme) =>
        programme == Programme.Tekun ? ParameterCatalog.DeadlineTekunCountyDecision : ParameterCatalog.DeadlineDibaoCountyDecision;

    /// <summary>The limit (days) in force for the region on the day the period starts.</summary>
    /// <exception cref="ParameterNotInForceException">The region has no value of the key in force on that day.</exception>
    public int Days(ParameterDefinition key, DateOnly startedOn)
    {
        ArgumentNullException.ThrowIfNull(key);
        return parameters.Resolve(key.Key, region, startedOn) is { Value.IsNull: false } found
            ? found.Value.AsInteger()
            : throw new ParameterNotInForceException(key.Key, region.Value, startedOn);
    }

    /// <summary>N-43: the share (0–1) of tekun decisions the county checks at home, in force on <paramref name="on"/>.</summary>
    public decimal TekunRandomCheckMinShare(DateOnly on) =>
        parameters.Resolve(ParameterCatalog.DeadlineTekunRandomHomeCheckMinPercent.Key, region, on) is { Value.IsNull: false } found
            ? found.Value.AsDecimal() / Hundred
            : throw new ParameterNotInForceException(ParameterCatalog.DeadlineTekunRandomHomeCheckMinPercent.Key, region.Value, on);

    /// <summary>
    /// Last day of a period of <paramref name="calendarDays"/> calendar days starting after <paramref name="start"/>
    /// (Civil Code Art. 201: the start day is not counted), moved to the next working day when it falls on a rest day
    /// (Art. 203). A 7-day notice opened on Monday 2025-03-03 runs 03-04 … 03-10.
    /// </summary>
    public static DateOnly CalendarPeriodEnd(WorkingDayCalendar calendar, DateOnly start, int calendarDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(calendarDays);
        var last = start.AddDays(calendarDays);
        while (!calendar.IsWorkingDay(last))
        {
            last = last.AddDays(1);
        }

        return last;
    }
}
