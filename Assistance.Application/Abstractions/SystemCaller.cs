namespace Assistance.Application.Abstractions;

/// <summary>
/// Who runs system work: a scheduled job's run acts as <c>system:{job}</c> with national scope, so the use cases it sends
/// (ending run-out gradual exits, the R-34 age-limit run, monthly payment rolls, the R-37 feed) go through the same
/// pipeline, region filter and row-level security as a caseworker's request. Only the job runner enters it, around one
/// run; it is an <see cref="AsyncLocal{T}"/>, so it flows with that run and nowhere else, and inside a run it wins over
/// the HTTP caller who asked for the run (POST /jobs/{name}/runs needs <c>ops.run</c>, not the use cases' scopes).
/// </summary>
public static class SystemCaller
{
    private static readonly AsyncLocal<string?> CurrentJob = new();

    /// <summary>The job whose run is in progress on this flow, or null outside job runs.</summary>
    public static string? Job => CurrentJob.Value;

    public static IDisposable Enter(string job)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        var previous = CurrentJob.Value;
        CurrentJob.Value = job;
        return new Exit(previous);
    }

    private sealed class Exit(string? previous) : IDisposable
    {
        public void Dispose() => CurrentJob.Value = previous;
    }
}
