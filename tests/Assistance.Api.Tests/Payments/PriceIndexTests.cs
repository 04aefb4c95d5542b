namespace Assistance.Api.Tests.Payments;

using System.Net;
using Assistance.Api.Tests.Infrastructure;

/// <summary>R-41 through the API: the trigger resolved by index month (the CPI 3.0 period 2022-08 … 2023-02), one index per month.</summary>
public sealed class PriceIndexTests : PaymentRollTestBase
{
    private async Task<System.Text.Json.Nodes.JsonNode> ReportAsync(string month)
    {
        var response = await Payments().GetAsync(new Uri($"/api/v1/price-subsidies/report?regionCode={CountyCode}&month={month}", UriKind.Relative));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    [Test]
    public async Task Cpi32_TriggersInTheCpi30Period_ButNotAfterIt()
    {
        Today("2023-06-01");
        await RecordIndexAsync("2022-10", 3.2m, 2.0m, "2022-11-10");
        await RecordIndexAsync("2023-04", 3.2m, 2.0m, "2023-05-10");
        await RecordIndexAsync("2022-07", 3.2m, 2.0m, "2022-08-10");

        var inPeriod = await ReportAsync("2022-11");
        var after = await ReportAsync("2023-05");
        var before = await ReportAsync("2022-08");
        var standard = await ParameterAsync("dibao.standard.urban", "2022-10-01");
        Assert.Multiple(() =>
        {
            Assert.That((bool?)inPeriod["triggered"], Is.True, inPeriod.ToJsonString());
            Assert.That((string?)inPeriod["detail"], Does.Contain("trigger 3.00 %").And.Contain("R-41"));
            Assert.That((string?)inPeriod["detail"], Does.Contain($"urban {standard:0.00} → {Math.Ceiling(standard * 3.2m / 100m):0.00}"));
            Assert.That((string?)inPeriod["indexMonth"], Is.EqualTo("2022-10"));
            Assert.That((bool?)after["triggered"], Is.False, after.ToJsonString());
            Assert.That((string?)after["detail"], Does.Contain("trigger 3.50 %"));
            Assert.That((bool?)before["triggered"], Is.False, "2022-07 is before the CPI 3.0 period");
            Assert.That(after["onTime"], Is.Null);
        });
    }

    [Test]
    public async Task FoodCpiAboveItsTrigger_IsTheHigherTriggeredIndex()
    {
        Today("2024-03-01");
        await RecordIndexAsync("2024-01", 3.6m, 7.3m, "2024-02-08");
        var report = await ReportAsync("2024-02");
        var standard = await ParameterAsync("dibao.standard.urban", "2024-01-01");
        Assert.That((bool?)report["triggered"], Is.True);
        Assert.That((string?)report["detail"], Does.Contain("triggered by FoodCpi 7.30 %").And.Contain($"→ {Math.Ceiling(standard * 7.3m / 100m):0.00}"));
    }

    [Test]
    public async Task SecondIndexForTheSameMonth_IsRefused_AndBadInputIsA400()
    {
        Today("2025-03-01");
        await RecordIndexAsync("2025-01", 1.0m, 1.0m, "2025-02-10");
        var again = await Payments().PostJsonAsync("/api/v1/price-indices", new
        {
            regionCode = CountyCode,
            indexMonth = "2025-01",
            cpiPercent = 4.0m,
            foodCpiPercent = 1.0m,
            publishedOn = "2025-02-11",
            source = "更正",
        }, Guid.NewGuid().ToString());
        await again.ProblemAsync(HttpStatusCode.Conflict, "price-index.exists");

        var bad = await Payments().PostJsonAsync("/api/v1/price-indices", new
        {
            regionCode = CountyCode,
            indexMonth = "2025-13",
            cpiPercent = 4.001m,
            foodCpiPercent = 1.0m,
            publishedOn = "2024-12-01",
            source = "x",
        }, Guid.NewGuid().ToString());
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "indexMonth", "cpiPercent" }));

        var list = await (await Payments().GetAsync(new Uri($"/api/v1/price-indices?regionCode={CountyCode}", UriKind.Relative))).JsonAsync();
        var months = list["items"]!.AsArray().Select(i => (string?)i!["indexMonth"]).ToList();
        Assert.That(months.Count(m => m == "2025-01"), Is.EqualTo(1));
        Assert.That((decimal?)list["items"]!.AsArray().Single(i => (string?)i!["indexMonth"] == "2025-01")!["cpiPercent"], Is.EqualTo(1.0m), "unchanged");
    }
}
