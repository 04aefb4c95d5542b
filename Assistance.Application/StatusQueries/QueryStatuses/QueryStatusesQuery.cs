namespace Assistance.Application.StatusQueries.QueryStatuses;

using Assistance.Application.Abstractions;

/// <summary>A synchronous status query (up to the synchronous limit of items).</summary>
public sealed record QueryStatusesQuery(IReadOnlyList<StatusQueryItem> Items) : IQuery<StatusQueryResult>;
