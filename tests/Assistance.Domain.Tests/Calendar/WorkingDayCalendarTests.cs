namespace Assistance.Domain.Tests.Calendar;

using Assistance.Domain.Calendar;
using Assistance.Domain.Common;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

public sealed class WorkingDayCalendarTests
{
    [Test]
    public void Seed_WhenParsed_HoldsEveryYear2019To2026WithItsNotice()
    {
        Assert.That(Years.Select(y => y.Year), Is.EqualTo(Enumerable.Range(2019, 8)));
        Assert.That(Years.All(y => y.Source.Contains("国办发明电", StringComparison.Ordinal)), Is.True);
    }

    [TestCase("2025-01-26", true, TestName = "IsWorkingDay_WhenMakeUpSunday2025_True")]
    [TestCase("2025-01-28", false, TestName = "IsWorkingDay_WhenSpringFestivalTuesday2025_False")]
    [TestCase("2025-03-03", true, TestName = "IsWorkingDay_WhenOrdinaryMonday_True")]
    [TestCase("2025-03-01", false, TestName = "IsWorkingDay_WhenOrdinarySaturday_False")]
    [TestCase("2020-02-01", false, TestName = "IsWorkingDay_When2020ExtensionCancelledMakeUpDay_False")]
    [TestCase("2026-02-14", true, TestName = "IsWorkingDay_When2026MakeUpSaturday_True")]
    [TestCase("2026-02-23", false, TestName = "IsWorkingDay_When2026SpringFestivalLastDay_False")]
    [TestCase("2026-10-10", true, TestName = "IsWorkingDay_When2026NationalDayMakeUp_True")]
    [TestCase("2019-05-04", false, TestName = "IsWorkingDay_When2019AmendedLabourDay_False")]
    public void IsWorkingDay_OnSeedCalendar(string day, bool expected) =>
        Assert.That(Calendar.IsWorkingDay(D(day)), Is.EqualTo(expected));

    [Test]
    public void AddWorkingDays_AcrossSpringFestival2025_CountsMakeUpSundayAndSkipsHolidays()
    {
        // Fri 01-24 + 3: Sun 01-26 (调休) = 1, Mon 01-27 = 2, holiday 01-28..02-04, Wed 02-05 = 3.
        Assert.That(Calendar.AddWorkingDays(D("2025-01-24"), 3), Is.EqualTo(D("2025-02-05")));
    }

    [Test]
    public void AddWorkingDays_AcrossNationalDay2025_CountsBothMakeUpDays()
    {
        // Fri 09-26 + 10: 09-28(调休) 09-29 09-30 | holiday 10-01..10-08 | 10-09 10-10 10-11(调休) 10-13 10-14 10-15 10-16.
        Assert.That(Calendar.AddWorkingDays(D("2025-09-26"), 10), Is.EqualTo(D("2025-10-16")));
    }

    [Test]
    public void AddWorkingDays_WhenZero_ReturnsStart() =>
        Assert.That(Calendar.AddWorkingDays(D("2025-03-05"), 0), Is.EqualTo(D("2025-03-05")));

    [Test]
    public void AddWorkingDays_StartDayIsNotCounted()
    {
        Assert.That(Calendar.AddWorkingDays(D("2025-03-03"), 1), Is.EqualTo(D("2025-03-04")));
        Assert.That(Calendar.AddWorkingDays(D("2025-03-07"), 1), Is.EqualTo(D("2025-03-10")));
    }

    [Test]
    public void AddWorkingDays_WhenCrossingIntoYearWithoutCalendar_ThrowsExplicitError()
    {
        var ex = Assert.Throws<CalendarYearMissingException>(() => Calendar.AddWorkingDays(D("2026-12-29"), 5));
        Assert.That(ex!.Code, Is.EqualTo("calendar.year-missing"));
        Assert.That(ex.Year, Is.EqualTo(2027));
        Assert.That(ex.RuleId, Is.EqualTo("R-50"));
    }

    [Test]
    public void IsWorkingDay_WhenYearMissing_ThrowsEvenForAnOrdinaryWeekday() =>
        Assert.Throws<CalendarYearMissingException>(() => Calendar.IsWorkingDay(D("2018-06-04")));

    [Test]
    public void WorkingDaysBetween_SpringFestival2026_CountsMakeUpSaturdays()
    {
        // 02-13 Fri .. 02-28 Sat: 02-14 (调休), 02-24, 02-25, 02-26, 02-27, 02-28 (调休).
        Assert.That(Calendar.WorkingDaysBetween(D("2026-02-13"), D("2026-02-28")), Is.EqualTo(6));
    }

    [Test]
    public void CalendarYear_WhenMakeUpDayIsWeekday_RejectsIt()
    {
        var ex = Assert.Throws<DomainValidationException>(() => new CalendarYear(2030, [], [D("2030-01-07")], "test"));
        Assert.That(ex!.Field, Is.EqualTo("makeUpWorkingDays"));
    }

    [Test]
    public void CalendarYear_WhenDateInOtherYear_RejectsIt() =>
        Assert.Throws<DomainValidationException>(() => new CalendarYear(2030, [new Holiday(D("2029-12-31"), "x")], [], "test"));

    [Test]
    public void CalendarYear_WhenDayIsHolidayAndMakeUp_RejectsIt() =>
        Assert.Throws<DomainValidationException>(() => new CalendarYear(2030, [new Holiday(D("2030-01-05"), "x")], [D("2030-01-05")], "test"));

    [Test]
    public void CalendarYear_WithoutSource_RejectsIt() =>
        Assert.Throws<DomainValidationException>(() => new CalendarYear(2030, [], [], " "));

    [Test]
    public void Calendar_WhenYearGivenTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => _ = new WorkingDayCalendar([new CalendarYear(2030, [], [], "a"), new CalendarYear(2030, [], [], "b")]));
}
