namespace Assistance.Api.Endpoints;

using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>
/// A constant answer through the same host, authentication, rate limiter and JSON pipeline as every endpoint,
/// mapped only when <c>Benchmarks:ConstantEndpoint</c> is true (scripts/bench-http.sh): the baseline the
/// assessment throughput is reported against. Not part of the published contract.
/// </summary>
public static class BenchmarkEndpoints
{
    public static void MapBenchmarkBaseline(this RouteGroupBuilder api, IConfiguration configuration)
    {
        if (configuration.GetValue("Benchmarks:ConstantEndpoint", false))
        {
            api.MapPost("/benchmark/constant", Constant).ExcludeFromDescription();
        }
    }

    public static Ok<ConstantAnswer> Constant() => TypedResults.Ok(ConstantAnswer.Instance);

    public sealed record ConstantAnswer(string Outcome, decimal MonthlyAmount)
    {
        public static readonly ConstantAnswer Instance = new("NotEligible", 0.00m);
    }
}
