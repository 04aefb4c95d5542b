namespace Assistance.Application.StatusQueries.QueryStatuses;

using Assistance.Application.Abstractions;
using Assistance.Application.Behaviours;

/// <summary>A synchronous status query (up to the synchronous limit of items); its validator applies the declared limits itself.</summary>
public sealed record QueryStatusesQuery(IReadOnlyList<StatusQueryItem> Items) : IQuery<StatusQueryResult>, IChecksItsDeclaredLimits;
