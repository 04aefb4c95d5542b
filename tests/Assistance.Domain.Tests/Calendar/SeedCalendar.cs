namespace Assistance.Domain.Tests.Calendar;

using Assistance.Application.Calendar;
using Assistance.Domain.Calendar;

/// <summary>The reviewable seed file the API loads, parsed once for the domain tests.</summary>
public static class SeedCalendar
{
    private static readonly Lazy<IReadOnlyList<CalendarYear>> LazyYears = new(() =>
        CalendarSeedFile.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Calendar", "calendar.json"))));

    public static IReadOnlyList<CalendarYear> Years => LazyYears.Value;

    public static WorkingDayCalendar Calendar => new(Years);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
