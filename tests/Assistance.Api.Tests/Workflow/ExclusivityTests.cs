namespace Assistance.Api.Tests.Workflow;

using System.Net;
using Assistance.Api.Tests.Infrastructure;
using Npgsql;

/// <summary>R-22 through the API: Dibao and Tekun never at once; one ID number active in one household only.</summary>
public sealed class ExclusivityTests : WorkflowTestBase
{
    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var v in values)
        {
            cmd.Parameters.AddWithValue(v);
        }

        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<string> EnrolAsync(HttpClient county, HouseholdRef household, string programme, string monday, string? care = null)
    {
        Today(monday);
        var (id, etag, _) = await SubmitAsync(county, household, programme);
        etag = await ToNoticeAsync(county, id, etag);
        Today(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture).AddDays(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        (_, etag) = await StepAsync(county, id, "public-notice/close", new { }, etag);
        return etag + "|" + id;
    }

    [Test]
    public async Task DibaoApproval_ForAPersonActiveInTekun_IsRefused()
    {
        var county = County();
        var elder = await LoneElderAsync();
        var tekun = (await EnrolAsync(county, elder, "Tekun", "2026-03-02")).Split('|');
        var (approved, _) = await StepAsync(county, Guid.Parse(tekun[1]), "decision", new { decision = "Approve", careSetting = "Centralized" }, tekun[0]);
        Assert.That((string?)approved["status"], Is.EqualTo("Enrolled"));

        // The register now shows a capable supporter: the engine no longer finds tekun but dibao, while the tekun
        // enrolment is still active. Enrolling the same person in dibao is refused until the tekun enrolment ends.
        await ExecuteAsync("UPDATE household_members SET has_capable_supporter = true WHERE id = $1", elder.MemberIds[0]);
        var dibao = (await EnrolAsync(county, elder, "Dibao", "2026-04-13")).Split('|');
        var refused = await county.PostJsonAsync($"/api/v1/applications/{dibao[1]}/decision", new { decision = "Approve" }, null, dibao[0]);
        var problem = await refused.ProblemAsync(HttpStatusCode.Conflict, "enrolment.dibao-and-tekun");
        Assert.That((string?)problem["detail"], Does.Contain("R-22"));

        var unchanged = await county.GetAsync(new Uri($"/api/v1/applications/{dibao[1]}", UriKind.Relative));
        Assert.That((string?)(await unchanged.JsonAsync())["status"], Is.EqualTo("AwaitingDecision"), "nothing written");
    }

    [Test]
    public async Task Approval_ForAPersonActiveInAnotherHousehold_IsRefused()
    {
        var county = County();
        var first = await PoorFamilyAsync();
        var enrolled = (await EnrolAsync(county, first, "Dibao", "2026-05-11")).Split('|');
        (_, _) = await StepAsync(county, Guid.Parse(enrolled[1]), "decision", new { decision = "Approve" }, enrolled[0]);

        // The child moves to a new household (the register allows one household per ID number at a time); the old
        // enrolment still covers them, so the new household's enrolment is refused.
        var second = await InsertHouseholdAsync("320682001", "Urban", new Member("刘一", "1980-02-02", Labor: "Partial"));
        await ExecuteAsync(
            "UPDATE household_members SET household_id = $1, position = 1, has_capable_supporter = true WHERE id = $2", second.Id, first.MemberIds[1]);
        var moved = (await EnrolAsync(county, second, "Dibao", "2026-06-01")).Split('|');
        var refused = await county.PostJsonAsync($"/api/v1/applications/{moved[1]}/decision", new { decision = "Approve" }, null, moved[0]);
        await refused.ProblemAsync(HttpStatusCode.Conflict, "enrolment.person-active-in-other-household");
    }
}
