namespace Assistance.Application.Jobs.RunJob;

using Assistance.Application.Abstractions;

/// <summary>Runs a job now for a period (default: the current one), synchronously; a period already run is a recorded no-op.</summary>
public sealed record RunJobCommand(string Name, string? Period) : ICommand<JobRunDto>;
