namespace Assistance.Application.Calendar;

using System.Globalization;
using System.Text.Json;
using Assistance.Domain.Calendar;
using Assistance.Domain.Common;

/// <summary>
/// Reads the reviewable calendar seed (<c>calendar.json</c>): per year, named holiday ranges, make-up working days
/// and the State Council notice they come from.
/// </summary>
public static class CalendarSeedFile
{
    public static IReadOnlyList<CalendarYear> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = new List<CalendarYear>();
        foreach (var yearElement in document.RootElement.GetProperty("years").EnumerateArray())
        {
            var year = yearElement.GetProperty("year").GetInt32();
            var holidays = new List<Holiday>();
            foreach (var range in yearElement.GetProperty("holidays").EnumerateArray())
            {
                var name = range.GetProperty("name").GetString() ?? string.Empty;
                var from = Date(range.GetProperty("from"));
                var to = Date(range.GetProperty("to"));
                if (to < from)
                {
                    throw new DomainValidationException("holidays", $"{name} {year}: 'to' is before 'from'.");
                }

                for (var day = from; day <= to; day = day.AddDays(1))
                {
                    holidays.Add(new Holiday(day, name));
                }
            }

            var makeUp = yearElement.GetProperty("makeUpWorkingDays").EnumerateArray().Select(Date).ToList();
            result.Add(new CalendarYear(year, holidays, makeUp, yearElement.GetProperty("source").GetString() ?? string.Empty));
        }

        return result;
    }

    private static DateOnly Date(JsonElement element) =>
        DateOnly.ParseExact(element.GetString() ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
