namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Policy;
using Assistance.Application.Policy.GetParameterHistory;
using Assistance.Application.Policy.GetResolvedParameters;
using Assistance.Application.Policy.ListPolicySources;
using Assistance.Application.Policy.SetParameterValue;
using Assistance.Domain.Households;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/policy: parameters as dated, region-scoped data with sources, and the source documents.</summary>
public static class PolicyEndpoints
{
    public static RouteGroupBuilder MapPolicy(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/policy").WithTags("Policy");
        group.MapGet("/parameters", GetResolvedParameters).RequireAuthorization(Scopes.PolicyRead)
            .WithSummary("The parameter set resolved for a region on a date, each value with the region it came from, its dates and source.");
        group.MapGet("/parameters/{key}", GetParameterHistory).RequireAuthorization(Scopes.PolicyRead)
            .WithSummary("Dated history of one parameter for a region and its ancestors, superseded values included; asOf gives the recorded-time view.");
        group.MapPost("/parameters", SetParameterValue).RequireAuthorization(Scopes.PolicyAdmin).AcceptIdempotencyKey()
            .WithSummary("Records a new dated value (or a correction with supersedes). Accepted values may carry warnings naming the rule and clause.");
        group.MapGet("/sources", ListPolicySources).RequireAuthorization(Scopes.PolicyRead)
            .WithSummary("The policy documents that rules and parameters cite.");
        return group;
    }

    /// <param name="regionCode">Region (6, 9 or 12 digits).</param>
    /// <param name="on">Date the values are in force (YYYY-MM-DD).</param>
    /// <param name="asOf">Optional instant: what was believed then (ISO 8601).</param>
    /// <param name="residence">Optional Urban or Rural: the set a household of that residence type sees. Without it, a key whose urban and rural values differ is listed once per value.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ResolvedParametersDto>> GetResolvedParameters(
        [StringLength(12, MinimumLength = 6)] string? regionCode, DateOnly? on, DateTimeOffset? asOf, ResidenceType? residence, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetResolvedParametersQuery(regionCode, on, asOf, residence), cancellationToken).ConfigureAwait(false));

    /// <param name="key">Parameter key, e.g. dibao.standard.urban.</param>
    /// <param name="regionCode">Region (6, 9 or 12 digits).</param>
    /// <param name="asOf">Optional instant: only values recorded by then and not yet superseded.</param>
    /// <param name="residence">Optional Urban or Rural: only values a household of that residence type can see (its own and those for both).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<ParameterHistoryDto>> GetParameterHistory(
        [StringLength(100)] string key, [StringLength(12, MinimumLength = 6)] string? regionCode, DateTimeOffset? asOf, ResidenceType? residence, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetParameterHistoryQuery(key, regionCode, asOf, residence), cancellationToken).ConfigureAwait(false));

    /// <param name="command">The value to record.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Created<SetParameterValueResult>> SetParameterValue(SetParameterValueCommand command, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/policy/parameters/{result.Value.Key}?regionCode={result.Value.RegionCode}", result);
    }

    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<PolicySourceList>> ListPolicySources(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PolicySourceList(await sender.Send(new ListPolicySourcesQuery(), cancellationToken).ConfigureAwait(false)));
}

/// <summary>The policy documents.</summary>
/// <param name="Items">Documents, ordered by id.</param>
public sealed record PolicySourceList([property: MaxLength(500)] IReadOnlyList<PolicySourceDto> Items);
