namespace Assistance.Api.Endpoints;

using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;
using Assistance.Infrastructure.Persistence;

/// <summary>
/// Baselines for scripts/bench-http.sh, mapped only when <c>Benchmarks:ConstantEndpoint</c> is true and never part of
/// the published contract: a constant answer through the same host, authentication, rate limiter and JSON pipeline as
/// every endpoint (the assessment baseline), and the same household read as <c>GET /households/{id}</c> done with bare
/// Npgsql in one round trip (the household read baseline).
/// </summary>
public static class BenchmarkEndpoints
{
    public static void MapBenchmarkBaseline(this RouteGroupBuilder api, IConfiguration configuration)
    {
        if (configuration.GetValue("Benchmarks:ConstantEndpoint", false))
        {
            api.MapPost("/benchmark/constant", Constant).ExcludeFromDescription();
            api.MapGet("/benchmark/households/{id:guid}", BareHousehold).RequireAuthorization(Scopes.RegistryRead).ExcludeFromDescription();
            api.MapPost("/benchmark/status-queries", BareStatusQuery).RequireAuthorization(Scopes.StatusQuery).ExcludeFromDescription();
        }
    }

    public static Ok<ConstantAnswer> Constant() => TypedResults.Ok(ConstantAnswer.Instance);

    /// <summary>The same reads as GET /households/{id} in one round trip (<see cref="BenchmarkReads"/>).</summary>
    public static async Task<Results<Ok<Dictionary<string, List<object?[]>>>, NotFound>> BareHousehold(
        Guid id, BenchmarkReads reads, ICurrentUser user, CancellationToken cancellationToken)
    {
        var result = await reads.BareHouseholdAsync(id, user.Scope.DatabasePrefix, cancellationToken).ConfigureAwait(false);
        return result["household"].Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    /// <summary>
    /// Baseline of POST /status-queries (issue 13): the same single indexed statement with bare Npgsql, rows written as
    /// they come (no mediator, validation, mapping or answer objects). A partner's call writes its audit row in the same
    /// batch, as the real endpoint does, so both do the same database work.
    /// </summary>
    public static async Task BareStatusQuery(
        HttpContext http, BenchmarkReads reads, ICurrentUser user, Infrastructure.Partners.PartnerCallAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        var body = await System.Text.Json.JsonSerializer.DeserializeAsync<System.Text.Json.Nodes.JsonObject>(http.Request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var ids = body?["items"]?.AsArray().Select(i => (string)i!["idNumber"]!).ToArray() ?? [];
        ArgumentNullException.ThrowIfNull(audit);
        var rows = await reads.BareStatusAsync(ids, user.Scope.DatabasePrefix, user.Scope.Prefix, audit, cancellationToken)
            .ConfigureAwait(false);
        await http.Response.WriteAsJsonAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    public sealed record ConstantAnswer(string Outcome, decimal MonthlyAmount)
    {
        public static readonly ConstantAnswer Instance = new("NotEligible", 0.00m);
    }
}
