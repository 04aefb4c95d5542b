namespace Assistance.Api.Tests.Hardening;

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Assistance.Api.Security;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Regions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>Issue 7: tokens (pinned algorithms, duplicate claims), signed cursors, RFC 9110 If-Match.</summary>
public sealed class TokenCursorAndPreconditionTests : ApiTestBase
{
    [OneTimeSetUp]
    public async Task SeedReferenceDataAsync()
    {
        // The calendar is seeded at startup in production; the test host skips startup work.
        foreach (var seeder in Factory.Services.GetServices<Assistance.Infrastructure.Persistence.IStartupSeeder>().Where(s => !s.IsDemoData))
        {
            await seeder.SeedAsync(CancellationToken.None);
        }
    }

    private HttpClient Clerk(string subject = "tester") => Factory.ClientAs(subject, "320682", null, "registry.read", "registry.write");

    private static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    /// <summary>A token signed with the development key, header and payload exactly as given (so duplicates survive).</summary>
    private static string HandMade(string header, string payload, HashAlgorithmName? hash = null)
    {
        var signingInput = B64(header) + "." + B64(payload);
        var key = Encoding.UTF8.GetBytes(JwtSettings.DevelopmentKey);
        var bytes = Encoding.ASCII.GetBytes(signingInput);
        var signature = (hash ?? HashAlgorithmName.SHA256).Name switch
        {
            "SHA384" => HMACSHA384.HashData(key, bytes),
            "SHA512" => HMACSHA512.HashData(key, bytes),
            _ => HMACSHA256.HashData(key, bytes),
        };
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    private static string Payload(string extra = "")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{{\"iss\":\"assistance-dev\",\"aud\":\"assistance-api\",\"sub\":\"hand\",\"scope\":\"registry.read\",\"nbf\":{now - 60},\"iat\":{now},\"exp\":{now + 600}{extra}}}";
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync(Url("/api/v1/regions/320682"))).StatusCode;
    }

    [Test]
    public async Task HandMadeToken_WithTheRightShape_IsAccepted_SoTheRefusalsBelowAreAboutTheirDefect() =>
        Assert.That(await StatusWithAsync(HandMade("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", Payload(",\"region\":\"320682\""))), Is.EqualTo(HttpStatusCode.OK));

    [TestCase("HS384")]
    [TestCase("HS512")]
    public async Task Token_SignedWithAnotherHmacAlgorithm_IsRefused(string alg)
    {
        var hash = alg == "HS384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA512;
        Assert.That(await StatusWithAsync(HandMade($"{{\"alg\":\"{alg}\",\"typ\":\"JWT\"}}", Payload(",\"region\":\"320682\""), hash)), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Token_WithAlgNone_IsRefused() =>
        Assert.That(await StatusWithAsync(B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + B64(Payload(",\"region\":\"320682\"")) + "."), Is.EqualTo(HttpStatusCode.Unauthorized));

    [TestCase(",\"region\":\"340300\",\"region\":\"320682\"")]
    [TestCase(",\"region\":[\"340300\",\"320682\"]")]
    [TestCase(",\"region\":\"320682\",\"sub\":\"someone-else\"")]
    public async Task Token_WithDuplicateClaims_IsRefused(string claims) =>
        Assert.That(await StatusWithAsync(HandMade("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", Payload(claims))), Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Token_WithDuplicateHeaderMember_IsRefused() =>
        Assert.That(await StatusWithAsync(HandMade("{\"alg\":\"HS256\",\"alg\":\"HS256\",\"typ\":\"JWT\"}", Payload(",\"region\":\"320682\""))), Is.EqualTo(HttpStatusCode.Unauthorized));

    private async Task<string> FirstCursorAsync(HttpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(Factory.ClientWith("320682", "registry.write"), SimpleHousehold("320682002"));
        }

        var page = await (await client.GetAsync(Url("/api/v1/households?regionCode=320682002&limit=1"))).JsonAsync();
        return (string)page["nextCursor"]!;
    }

    [Test]
    public async Task Cursor_Forged_Tampered_OrFromAnotherCaller_Is400CursorInvalid()
    {
        var cursor = await FirstCursorAsync(Clerk());
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(cursor[..dot]));
        var tampered = B64(payload.Replace("\"P\":\"", "\"P\":\"0", StringComparison.Ordinal)) + cursor[dot..];
        var forged = new[]
        {
            B64("{\"P\":\"not-a-guid\",\"F\":\"x\"}"),
            tampered,
            cursor[..^2] + (cursor[^2] == 'A' ? "BB" : "AA"),
            "%00%01",
            new string('a', 600),
        };
        foreach (var bad in forged)
        {
            var response = await Clerk().GetAsync(Url($"/api/v1/households?regionCode=320682002&limit=1&cursor={Uri.EscapeDataString(bad)}"));
            await response.ProblemAsync(HttpStatusCode.BadRequest, "request.cursor-invalid");
        }

        foreach (var list in new[] { "/api/v1/applications", "/api/v1/enrolments", "/api/v1/audit-events" })
        {
            var response = await Admin().GetAsync(Url($"{list}?cursor={Uri.EscapeDataString(forged[0] + ".AAAA")}"));
            await response.ProblemAsync(HttpStatusCode.BadRequest, "request.cursor-invalid");
        }

        var foreign = await Clerk("another-clerk").GetAsync(Url($"/api/v1/households?regionCode=320682002&limit=1&cursor={Uri.EscapeDataString(cursor)}"));
        var problem = await foreign.ProblemAsync(HttpStatusCode.BadRequest, "request.cursor-invalid");
        Assert.That((string?)problem["detail"], Does.Contain("another caller"));

        var ok = await Clerk().GetAsync(Url($"/api/v1/households?regionCode=320682002&limit=1&cursor={Uri.EscapeDataString(cursor)}"));
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the owner's cursor still works");
    }

    private sealed class FixedUser(string subject) : ICurrentUser
    {
        public string Subject => subject;

        public RegionCode Region => RegionCode.Parse("320682");

        public string? Agency => null;

        public RegionScope Scope => RegionScope.Of(Region);

        public bool HasScope(string scope) => false;
    }

    [Test]
    public void CursorKeys_Rotate_NewKeySignsOldKeyStillVerifies_RemovedKeyIsRefused()
    {
        byte[] oldKey = [.. Enumerable.Repeat((byte)1, 32)];
        byte[] newKey = [.. Enumerable.Repeat((byte)2, 32)];
        var user = new FixedUser("u");
        var issuedBeforeRotation = new CursorCodec(new CursorKeys([oldKey]), user).Encode("p1", "f");
        var duringRotation = new CursorCodec(new CursorKeys([newKey, oldKey]), user);
        var afterRotation = new CursorCodec(new CursorKeys([newKey]), user);

        Assert.Multiple(() =>
        {
            Assert.That(duringRotation.Decode(issuedBeforeRotation, "f"), Is.EqualTo("p1"));
            Assert.That(afterRotation.Decode(duringRotation.Encode("p2", "f"), "f"), Is.EqualTo("p2"));
            Assert.Throws<InvalidCursorException>(() => afterRotation.Decode(issuedBeforeRotation, "f"));
            Assert.Throws<InvalidCursorException>(() => duringRotation.Decode(issuedBeforeRotation, "other filters"));
            Assert.Throws<InvalidCursorException>(() => new CursorCodec(new CursorKeys([oldKey]), new FixedUser("v")).Decode(issuedBeforeRotation, "f"));
        });
    }

    private async Task<(string Url, string ETag)> HouseholdAsync()
    {
        var (body, etag) = await CreateAsync(Clerk(), SimpleHousehold());
        return ($"/api/v1/households/{body["id"]}", etag);
    }

    private async Task<HttpResponseMessage> PutAsync(string url, string ifMatch)
    {
        var current = await (await Clerk().GetAsync(Url(url))).JsonAsync();
        return await Clerk().SendJsonAsync(HttpMethod.Put, url, current, ifMatch: ifMatch);
    }

    [TestCase("\"stale\"")]
    [TestCase("\"999\"")]
    [TestCase("W/\"1\"")]
    [TestCase("\"2\", \"3\"")]
    [TestCase("\"\"")]
    public async Task IfMatch_WellFormedButNotMatching_Is412AndWritesNothing(string ifMatch)
    {
        var (url, _) = await HouseholdAsync();
        var before = await CountAllAsync(Factory);
        await (await PutAsync(url, ifMatch)).ProblemAsync(HttpStatusCode.PreconditionFailed, "household.version-mismatch");
        Assert.That(await CountAllAsync(Factory), Is.EqualTo(before));
    }

    [TestCase("*")]
    [TestCase("\"1\"")]
    [TestCase("\"7\", \"1\"")]
    [TestCase("W/\"1\", \"1\"")]
    [TestCase("\"x\",\"1\"")]
    public async Task IfMatch_StarOrAListContainingTheCurrentStrongTag_Matches(string ifMatch)
    {
        var (url, _) = await HouseholdAsync();
        var response = await PutAsync(url, ifMatch);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
    }

    [TestCase("stale")]
    [TestCase("\"1")]
    [TestCase("\"1\" \"2\"")]
    [TestCase("*, \"1\"")]
    public async Task IfMatch_NotAnEntityTagList_Is400(string ifMatch)
    {
        var (url, _) = await HouseholdAsync();
        await (await PutAsync(url, ifMatch)).ProblemAsync(HttpStatusCode.BadRequest, "request.if-match-invalid");
    }

    [Test]
    public async Task IfMatch_Star_OnAnUnknownResource_Is404()
    {
        var response = await Clerk().SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{Guid.NewGuid()}", SimpleHousehold(), ifMatch: "*");
        await response.ProblemAsync(HttpStatusCode.NotFound, "household.not-found");
    }

    [Test]
    public async Task IfMatch_OnCalendarAndApplicationPaths_FollowsTheSameRules()
    {
        var etag = (await Admin().GetAsync(Url("/api/v1/calendar/2026"))).Headers.ETag!.ToString();
        var year = await (await Admin().GetAsync(Url("/api/v1/calendar/2026"))).JsonAsync();
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["source"] = year["source"]!.DeepClone(),
            ["holidays"] = year["holidays"]!.DeepClone(),
            ["makeUpWorkingDays"] = year["makeUpWorkingDays"]!.DeepClone(),
        };
        await (await Admin().SendJsonAsync(HttpMethod.Put, "/api/v1/calendar/2026", body, ifMatch: "\"stale\"")).ProblemAsync(HttpStatusCode.PreconditionFailed, "calendar-year.version-mismatch");
        var star = await Admin().SendJsonAsync(HttpMethod.Put, "/api/v1/calendar/2026", body, ifMatch: $"\"0\", {etag}");
        Assert.That(star.StatusCode, Is.EqualTo(HttpStatusCode.OK), await star.Content.ReadAsStringAsync());
    }

    [Test]
    public void DevTokenSigner_StillSignsHs256()
    {
        var settings = Factory.Services.GetRequiredService<JwtSettings>();
        var token = DevToken.Create(settings, "s", ["registry.read"], "320682", null, TimeProvider.System, TimeSpan.FromMinutes(5));
        Assert.That(new JsonWebToken(token).Alg, Is.EqualTo("HS256"));
    }
}
