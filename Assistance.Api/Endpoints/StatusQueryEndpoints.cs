namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.StatusQueries;
using Assistance.Application.StatusQueries.GetStatusQueryJob;
using Assistance.Application.StatusQueries.StartStatusQueryJob;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>
/// /api/v1/status-queries: is this person a beneficiary, of which programmes, since when, where (issue 13). Partners
/// (hospitals, the medical-insurance bureau, …) ask for whole batches; up to the synchronous limit the answer comes at
/// once, larger batches become a job answered by <c>StatusQueryJobWorker</c>.
/// </summary>
public static class StatusQueryEndpoints
{
    /// <summary>The item count of a partner call, for its audit row (counts only, never the ID numbers).</summary>
    public const string ItemCountKey = "partner.itemCount";

    public static RouteGroupBuilder MapStatusQueries(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/status-queries").WithTags("Status queries");
        group.MapPost("/", QueryStatuses).RequireAuthorization(Scopes.StatusQuery)
            .WithSummary("Answers, for each ID number, whether the person is a beneficiary, of which programmes, since when and where.");
        group.MapGet("/{id:guid}", GetStatusQueryJob).RequireAuthorization(Scopes.StatusQuery)
            .WithSummary("Gets an asynchronous status query: Pending, or Completed with one answer per item.");
        return group;
    }

    /// <param name="body">The items: the caller's reference and the ID number of each person.</param>
    /// <param name="limits">Synchronous limit and largest batch.</param>
    /// <param name="http">The request (item count for the audit, Operation-Location).</param>
    /// <param name="direct">The synchronous query without the mediator pipeline (the hottest path).</param>
    /// <param name="sender">Mediator (asynchronous jobs).</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Results<Ok<StatusQueryResult>, Accepted<StatusQueryJobDto>>> QueryStatuses(
        StatusQueryRequest body, StatusQueryLimits limits, HttpContext http, StatusQueryDirectPath direct, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(http);
        var items = body.Items ?? [];
        http.Items[ItemCountKey] = items.Count;
        if (items.Count <= limits.SynchronousLimit)
        {
            ArgumentNullException.ThrowIfNull(direct);
            return TypedResults.Ok(await direct.QueryAsync(items, cancellationToken).ConfigureAwait(false));
        }

        var job = await sender.Send(new StartStatusQueryJobCommand(items), cancellationToken).ConfigureAwait(false);
        var location = $"/api/v1/status-queries/{job.Id}";
        http.Response.Headers["Operation-Location"] = location;
        return TypedResults.Accepted(location, job);
    }

    /// <param name="id">The job id from Operation-Location.</param>
    /// <param name="http">The request (Retry-After while pending).</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<StatusQueryJobDto>> GetStatusQueryJob(Guid id, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var job = await sender.Send(new GetStatusQueryJobQuery(id), cancellationToken).ConfigureAwait(false);
        if (job.Status == StatusQueryJobStatus.Pending)
        {
            http.Response.Headers.RetryAfter = "2";
        }

        return TypedResults.Ok(job);
    }
}

/// <summary>A batch of persons to ask about.</summary>
/// <param name="Items">Up to the synchronous limit (default 1,000) answered at once; larger batches (up to the configured maximum) become a job.</param>
public sealed record StatusQueryRequest([property: Required, MinLength(1), MaxLength(10_000)] IReadOnlyList<StatusQueryItem>? Items);
