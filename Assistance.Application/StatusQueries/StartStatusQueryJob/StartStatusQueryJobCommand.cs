namespace Assistance.Application.StatusQueries.StartStatusQueryJob;

using Assistance.Application.Abstractions;

/// <summary>A batch above the synchronous limit: stored as a job that the worker answers (202 with its location).</summary>
public sealed record StartStatusQueryJobCommand(IReadOnlyList<StatusQueryItem> Items) : ICommand<StatusQueryJobDto>;
