namespace Assistance.Api.Tests.Hardening;

using System.Net;
using Assistance.Api.Security;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Application.Regions;
using Assistance.Domain.Regions;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// A genuine fault under ./run.sh's Development environment, asked for as a browser would (Accept: text/html):
/// still a problem+json 500 with a trace id, never the developer exception page or a stack trace.
/// </summary>
public sealed class UnexpectedFaultTests
{
    private sealed class BrokenRegions : IRegionQueries
    {
        public Task<RegionDto?> FindAsync(string code, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret internal detail at /work/src/RegionQueries.cs:42");

        public Task<IReadOnlyList<RegionDto>> ListChildrenAsync(string? parentCode, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret internal detail");

        public Task<bool> ExistsAsync(RegionCode code, CancellationToken cancellationToken) => Task.FromResult(true);
    }

    [TestCase("text/html")]
    [TestCase("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    [TestCase("application/xml")]
    public async Task UnhandledException_InDevelopment_IsAProblemJson500WithoutInternals(string accept)
    {
        await using var factory = new ApiFactory(await TestDatabase.CreateAsync(), null, services => services.AddScoped<IRegionQueries, BrokenRegions>());
        var client = factory.ClientWith("000000", [.. Scopes.All]);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);

        var response = await client.GetAsync(new Uri("/api/v1/regions/320682", UriKind.Relative));
        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError, "server.error");
        var text = problem.ToJsonString();
        Assert.That(text, Does.Not.Contain("secret").And.Not.Contain("InvalidOperationException").And.Not.Contain("<html").And.Not.Contain(".cs"));
    }
}
