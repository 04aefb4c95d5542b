namespace Assistance.Api.Tests.Partners;

using System.Net;
using Assistance.Api.Tests.Infrastructure;

/// <summary>Each agency has its own token bucket: one agency exhausting it gets 429 with Retry-After, another does not notice.</summary>
public sealed class PartnerRateLimitTests : ApiTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Partners:Agencies:small-clinic:Scopes:0"] = "status.query",
        ["Partners:Agencies:small-clinic:Region"] = "320682",
        ["Partners:Agencies:small-clinic:PermitsPerMinute"] = "60",
        ["Partners:Agencies:small-clinic:Burst"] = "3",
        ["Partners:Agencies:big-bureau:Scopes:0"] = "status.query",
        ["Partners:Agencies:big-bureau:Region"] = "320682",
        ["Partners:Agencies:big-bureau:PermitsPerMinute"] = "6000",
        ["Partners:Agencies:big-bureau:Burst"] = "100",
    };

    private static readonly object Query = new { items = new[] { new { referenceId = "a", idNumber = PartnerTestData.UnknownIdNumber(3) } } };

    [Test]
    public async Task AnAgencyOverItsLimit_Gets429WithRetryAfter_PerAgencyNotPerClient()
    {
        // Two clients of the same agency share its bucket of 3.
        var first = Factory.ClientAs("clinic-a", "320682", "small-clinic", "status.query");
        var second = Factory.ClientAs("clinic-b", "320682", "small-clinic", "status.query");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await (i % 2 == 0 ? first : second).PostJsonAsync("/api/v1/status-queries", Query);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.That(limited, Is.Not.Null, string.Join(",", statuses));
        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.OK));
        await limited!.ProblemAsync(HttpStatusCode.TooManyRequests, "request.rate-limited");
        Assert.That(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(1));

        var other = await Factory.ClientAs("bureau", "320682", "big-bureau", "status.query").PostJsonAsync("/api/v1/status-queries", Query);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
