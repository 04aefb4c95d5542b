namespace Assistance.Application.Jobs.ListJobs;

using Assistance.Application.Abstractions;

public sealed record ListJobsQuery : IQuery<JobList>;
