namespace Assistance.Api.Tests.EarlyWarning;

using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;
using Assistance.Infrastructure.Synthetic;
using Npgsql;

/// <summary>
/// Exact enrolled households for the rule tests, written with the synthetic-data loader's binary COPY (the rows the
/// repositories read), and the API calls the tests make: run a job for a period, read a subject's alerts.
/// </summary>
public static class EarlyWarningCases
{
    private static int sequence;

    public static SyntheticMember Person(string region, DateOnly birth, Relationship relationship = Relationship.Head, bool employed = false,
        LaborCapacity capacity = LaborCapacity.Full, decimal income = 0m)
    {
        var n = Interlocked.Increment(ref sequence);
        var first17 = region[..6] + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + ((n % 499 * 2) + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return new SyntheticMember(
            Guid.CreateVersion7(), 0, first17 + NationalId.CheckCharacterFor(first17), "测试" + n, relationship, birth, Sex.Male, capacity, null, null, false,
            SelfCareLevel.SelfCare, false, employed, income > 0 ? [(IncomeType.Wage, income, false)] : []);
    }

    public static SyntheticHousehold Household(
        string region, Programme programme, IReadOnlyList<SyntheticMember> members, decimal rigid = 0m, DateOnly? nextReview = null,
        CareSetting? care = null, DateOnly? approvedOn = null, (int Frequency, DateOnly StartsOn, DateOnly? LastVisit)? agreement = null)
    {
        var positioned = members.Select((m, i) => m with { Position = i }).ToList();
        var approved = approvedOn ?? new DateOnly(2025, 6, 10);
        var start = new DateOnly(approved.Year, approved.Month, 1).AddMonths(1);
        var enrolment = new SyntheticEnrolment(
            Guid.CreateVersion7(), Guid.CreateVersion7(), programme, programme == Programme.Tekun ? positioned[0].Id : null, positioned, 500m,
            programme == Programme.Dibao ? "C" : null, nextReview is null ? null : 6, nextReview, start, approved, care);
        var kind = programme switch
        {
            Programme.Tekun => care == CareSetting.Centralized ? SyntheticKind.TekunCentralized : SyntheticKind.TekunDecentralized,
            Programme.DibaoMarginal => SyntheticKind.Marginal,
            _ => SyntheticKind.DibaoUnstable,
        };
        var careAgreement = agreement is { } a ? new SyntheticCareAgreement(Guid.CreateVersion7(), enrolment.Id, "王芳", a.Frequency, a.StartsOn, a.LastVisit) : null;
        return new SyntheticHousehold(
            Guid.CreateVersion7(), kind, region, ResidenceType.Urban, "测试地址1号", 0m, rigid, positioned, enrolment, careAgreement);
    }

    public static async Task WriteAsync(ApiFactory factory, params SyntheticHousehold[] households)
    {
        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        await new SyntheticDataLoader(dataSource, factory.Clock).WriteAsync(households, CancellationToken.None);
    }

    /// <summary>POST /jobs/{job}/runs for a period; returns the run, asserting 200.</summary>
    public static async Task<JsonNode> RunJobAsync(ApiFactory factory, string job, string period)
    {
        var response = await factory.ClientWith("000000", "ops.run").PostJsonAsync($"/api/v1/jobs/{job}/runs", new { period });
        var run = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), run.ToJsonString());
        return run;
    }

    /// <summary>Every alert of a rule (all statuses) on this enrolment, oldest first.</summary>
    public static async Task<List<JsonNode>> AlertsOfAsync(ApiFactory factory, string rule, Guid enrolmentId)
    {
        var client = factory.ClientWith("000000", "cases.read");
        var found = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/alerts?rule={rule}&limit=200" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var page = await response.JsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page.ToJsonString());
            found.AddRange(page["items"]!.AsArray().Select(a => a!).Where(a => (string?)a["enrolmentId"] == enrolmentId.ToString()));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);
        return [.. found.OrderBy(a => (string?)a["raisedOn"], StringComparer.Ordinal)];
    }
}
