namespace Assistance.Application.StatusQueries;

using Assistance.Application.Abstractions;

/// <summary>Answers status queries in one set-based read, inside the caller's region scope (SQL filter and row-level security).</summary>
public interface IBeneficiaryStatusLookup
{
    /// <summary>One answer per item, in the items' order.</summary>
    Task<StatusAnswer[]> AnswerAsync(RegionScope scope, IReadOnlyList<StatusQueryItem> items, CancellationToken cancellationToken);
}
