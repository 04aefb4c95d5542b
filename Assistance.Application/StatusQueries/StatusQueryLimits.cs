namespace Assistance.Application.StatusQueries;

/// <summary>
/// How many items a status query may carry: up to <see cref="SynchronousLimit"/> are answered at once, larger batches up
/// to <see cref="MaxBatch"/> become an asynchronous job (configuration <c>StatusQueries:SynchronousLimit</c>, <c>:MaxBatch</c>).
/// </summary>
public sealed class StatusQueryLimits
{
    public int SynchronousLimit { get; set; } = 1000;

    public int MaxBatch { get; set; } = 10_000;
}
