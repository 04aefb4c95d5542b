namespace Assistance.Application.StatusQueries;

using System.ComponentModel.DataAnnotations;

/// <summary>An asynchronous status query: Pending until the worker has answered every item, then Completed with the results.</summary>
/// <param name="Id">The job id (the <c>Operation-Location</c> of the request that started it).</param>
/// <param name="Status">Pending or Completed.</param>
/// <param name="ItemCount">How many items the request carried.</param>
/// <param name="CreatedAt">When the job was accepted.</param>
/// <param name="CompletedAt">When the answers were ready (null while pending).</param>
/// <param name="Results">One answer per item in the request's order once completed; empty while pending.</param>
public sealed record StatusQueryJobDto(Guid Id, StatusQueryJobStatus Status, [property: Range(0, 10000)] int ItemCount, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, [property: MaxLength(10000)] IReadOnlyList<StatusAnswer> Results);

public enum StatusQueryJobStatus
{
    Pending,
    Completed,
}
