namespace Assistance.Api.Tests.Partners;

using System.Net;
using Assistance.Api.Tests.Infrastructure;
using Dapper;
using Npgsql;

/// <summary>/api/v1/subscriptions: validation as problem+json (nothing stored), the secret once, agency ownership.</summary>
public sealed class SubscriptionTests : ApiTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Partners:Agencies:hospital:Scopes:0"] = "subscriptions.read",
        ["Partners:Agencies:hospital:Scopes:1"] = "subscriptions.write",
        ["Partners:Agencies:hospital:Region"] = "320682",
        ["Partners:Agencies:school:Scopes:0"] = "subscriptions.read",
        ["Partners:Agencies:school:Scopes:1"] = "subscriptions.write",
        ["Partners:Agencies:school:Region"] = "320682",
    };

    private HttpClient Hospital() => Factory.ClientAs("his", "320682", "hospital", "subscriptions.read", "subscriptions.write");

    private async Task<long> CountAsync()
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM partner_subscriptions");
    }

    [TestCase("{\"callbackUrl\":\"not a url\",\"eventTypes\":[\"EnrolmentStarted\"]}", "callbackUrl")]
    [TestCase("{\"callbackUrl\":\"ftp://example.org/x\",\"eventTypes\":[\"EnrolmentStarted\"]}", "callbackUrl")]
    [TestCase("{\"callbackUrl\":\"https://example.org/x\",\"eventTypes\":[]}", "eventTypes")]
    [TestCase("{\"callbackUrl\":\"https://example.org/x\",\"eventTypes\":[\"EnrolmentStarted\",\"EnrolmentStarted\"]}", "eventTypes")]
    [TestCase("{\"eventTypes\":[\"EnrolmentStarted\"]}", "callbackUrl")]
    public async Task InvalidSubscriptions_Are400ProblemJson_AndStoreNothing(string json, string field)
    {
        var before = await CountAsync();
        var response = await Hospital().PostAsync(new Uri("/api/v1/subscriptions", UriKind.Relative), Http.RawJson(json));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem.ToJsonString(), Does.Contain(field).IgnoreCase);
        Assert.That(await CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AnUnknownEventType_Is400NamingIt()
    {
        var response = await Hospital().PostAsync(new Uri("/api/v1/subscriptions", UriKind.Relative), Http.RawJson("{\"callbackUrl\":\"https://example.org/x\",\"eventTypes\":[\"Gossip\"]}"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "request.malformed-json");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "eventTypes[0]" }));
    }

    [Test]
    public async Task ASubscription_ShowsItsSecretOnce_AndBelongsToItsAgency()
    {
        var created = await Hospital().PostJsonAsync("/api/v1/subscriptions", new { callbackUrl = "https://his.example.org/hooks", eventTypes = new[] { "EnrolmentStarted", "EnrolmentEnded" } });
        var body = await created.JsonAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        var id = (string)body["subscription"]!["id"]!;
        var secret = (string)body["secret"]!;
        Assert.That(secret, Has.Length.EqualTo(43), "32 random bytes, base64url");

        var get = await Hospital().GetAsync(new Uri($"/api/v1/subscriptions/{id}", UriKind.Relative));
        var text = await get.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(text, Does.Not.Contain(secret));
            Assert.That(text, Does.Contain("EnrolmentEnded"));
        });
        await using (var connection = new NpgsqlConnection(Factory.ConnectionString))
        {
            var stored = await connection.ExecuteScalarAsync<string>("SELECT secret_protected FROM partner_subscriptions WHERE id = @id", new { id = Guid.Parse(id) });
            Assert.That(stored, Does.Not.Contain(secret), "stored encrypted");
        }

        var otherAgency = Factory.ClientAs("school-app", "320682", "school", "subscriptions.read", "subscriptions.write");
        await (await otherAgency.GetAsync(new Uri($"/api/v1/subscriptions/{id}", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound, "subscription.not-found");
        await (await otherAgency.DeleteAsync(new Uri($"/api/v1/subscriptions/{id}", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound, "subscription.not-found");
        var list = (await (await otherAgency.GetAsync(new Uri("/api/v1/subscriptions", UriKind.Relative))).JsonAsync()).AsArray();
        Assert.That(list, Is.Empty);

        var deleted = await Hospital().DeleteAsync(new Uri($"/api/v1/subscriptions/{id}", UriKind.Relative));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await Hospital().GetAsync(new Uri($"/api/v1/subscriptions/{id}", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound, "subscription.not-found");
    }

    [Test]
    public async Task StaffWithoutAnAgency_CannotSubscribe()
    {
        var response = await Factory.ClientWith("320682", "subscriptions.write").PostJsonAsync("/api/v1/subscriptions", new { callbackUrl = "https://x.example.org/h", eventTypes = new[] { "EnrolmentEnded" } });
        await response.ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}

/// <summary>Outside Development callback URLs must use https.</summary>
public sealed class SubscriptionHttpsTests
{
    [Test]
    public void AnHttpCallback_IsRefusedWhenHttpsIsRequired()
    {
        var validator = new Assistance.Application.Subscriptions.CreateSubscription.CreateSubscriptionValidator(new Assistance.Application.Subscriptions.SubscriptionOptions { RequireHttps = true });
        var result = validator.Validate(new Assistance.Application.Subscriptions.CreateSubscription.CreateSubscriptionCommand("http://his.example.org/hooks", [Assistance.Application.Events.PartnerEventType.EnrolmentEnded]));
        Assert.That(result.Errors.Select(e => e.ErrorMessage), Has.Some.Contains("https"));
        Assert.That(validator.Validate(new Assistance.Application.Subscriptions.CreateSubscription.CreateSubscriptionCommand("https://his.example.org/hooks", [Assistance.Application.Events.PartnerEventType.EnrolmentEnded])).IsValid, Is.True);
    }
}
