namespace Assistance.Api.Endpoints;

using System.ComponentModel.DataAnnotations;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Jobs;
using Assistance.Application.Jobs.ListJobs;
using Assistance.Application.Jobs.RunJob;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>/api/v1/jobs: the scheduled jobs of the clustered scheduler, their last run and next fire time, and on-demand runs.</summary>
public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Jobs");
        group.MapGet("/", ListJobs).RequireAuthorization(Scopes.OpsRead)
            .WithSummary("Lists the scheduled jobs with their schedule, last run (period, outcome, counts) and next fire time.");
        group.MapPost("/{name}/runs", RunJob).RequireAuthorization(Scopes.OpsRun)
            .WithSummary("Runs a job now for a period (default: the current one) and returns the run; a period already run is a recorded no-op (Skipped).");
        return group;
    }

    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<JobList>> ListJobs(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListJobsQuery(), cancellationToken).ConfigureAwait(false));

    /// <param name="name">Job name (see GET /jobs), e.g. alert-rules.</param>
    /// <param name="body">The period to run (optional): YYYY-MM-DD for a daily job, YYYY-MM for a monthly one, YYYY-MM-DDTHH for an hourly one.</param>
    /// <param name="sender">Mediator.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<JobRunDto>> RunJob([StringLength(60)] string name, JobRunRequest? body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RunJobCommand(name, body?.Period), cancellationToken).ConfigureAwait(false));
}

/// <summary>An on-demand run.</summary>
/// <param name="Period">The period to run; omitted: the current one (China calendar).</param>
public sealed record JobRunRequest([property: MaxLength(13)] string? Period);
