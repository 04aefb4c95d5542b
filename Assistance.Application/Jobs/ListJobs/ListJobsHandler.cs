namespace Assistance.Application.Jobs.ListJobs;

using Assistance.Application.Abstractions;

public sealed class ListJobsHandler(IJobRunner runner) : IQueryHandler<ListJobsQuery, JobList>
{
    public async Task<JobList> Handle(ListJobsQuery request, CancellationToken cancellationToken)
    {
        var last = await runner.LastRunsAsync(cancellationToken).ConfigureAwait(false);
        var next = await runner.NextFireTimesAsync(cancellationToken).ConfigureAwait(false);
        return new JobList(runner.Jobs
            .Select(j => new JobDto(j.Name, j.Description, j.Schedule, j.Period, next.GetValueOrDefault(j.Name), last.GetValueOrDefault(j.Name)))
            .ToList());
    }
}
