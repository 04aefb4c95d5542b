namespace Assistance.Api.Tests.Policy;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;

/// <summary><c>?trace=none|summary|full</c> on POST /api/v1/assessments: less trace, the same result.</summary>
public sealed class AssessmentTraceDetailTests : ApiTestBase
{
    private async Task<(HttpStatusCode Status, JsonNode Body)> AssessAsync(string query)
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(ExamplePath()))!;
        var response = await Factory.ClientWith("320682", "policy.read").SendJsonAsync(HttpMethod.Post, "/api/v1/assessments" + query, body);
        return (response.StatusCode, await response.JsonAsync());
    }

    private static string ExamplePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs", "examples", "assessment.json")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new FileNotFoundException("docs/examples/assessment.json"), "docs", "examples", "assessment.json");
    }

    [Test]
    public async Task TraceNoneAndSummary_SameResultAsFull_LessTrace()
    {
        var (fullStatus, full) = await AssessAsync(string.Empty);
        var (explicitStatus, explicitFull) = await AssessAsync("?trace=full");
        var (summaryStatus, summary) = await AssessAsync("?trace=summary");
        var (noneStatus, none) = await AssessAsync("?trace=none");
        Assert.That(new[] { fullStatus, explicitStatus, summaryStatus, noneStatus }, Is.All.EqualTo(HttpStatusCode.OK));

        var fullTrace = full["trace"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(explicitFull.ToJsonString(), Is.EqualTo(full.ToJsonString()), "full is the default");
            foreach (var other in new[] { summary, none })
            {
                Assert.That(other["outcome"]!.ToJsonString(), Is.EqualTo("\"Tekun\""));
                Assert.That(other["monthlyAmount"]!.ToJsonString(), Is.EqualTo(full["monthlyAmount"]!.ToJsonString()));
                Assert.That(other["members"]!.ToJsonString(), Is.EqualTo(full["members"]!.ToJsonString()));
                Assert.That((int?)other["reviewIntervalMonths"], Is.EqualTo((int?)full["reviewIntervalMonths"]));
            }

            Assert.That(fullTrace, Has.Count.GreaterThan(5));
            Assert.That(fullTrace.Sum(e => e!["parameters"]!.AsArray().Count), Is.GreaterThan(0));
            Assert.That(none["trace"]!.AsArray(), Is.Empty);
            var summaryTrace = summary["trace"]!.AsArray();
            Assert.That(summaryTrace.Select(e => (string?)e!["rule"]), Is.EqualTo(fullTrace.Select(e => (string?)e!["rule"])));
            Assert.That(summaryTrace.Select(e => (string?)e!["detail"]), Is.EqualTo(fullTrace.Select(e => (string?)e!["detail"])));
            Assert.That(summaryTrace.Select(e => (bool?)e!["passed"]), Is.EqualTo(fullTrace.Select(e => (bool?)e!["passed"])));
            Assert.That(summaryTrace.All(e => e!["parameters"]!.AsArray().Count == 0), Is.True);
        });
    }

    [Test]
    public async Task TraceUnknownValue_Returns400NamingTrace()
    {
        foreach (var query in new[] { "?trace=verbose", "?trace=", "?trace=1", "?trace=NONE" })
        {
            var body = JsonNode.Parse(await File.ReadAllTextAsync(ExamplePath()))!;
            var response = await Factory.ClientWith("320682", "policy.read").SendJsonAsync(HttpMethod.Post, "/api/v1/assessments" + query, body);
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
            Assert.That(problem["errors"]!["trace"], Is.Not.Null, query);
        }
    }
}
