namespace Assistance.Application.ReviewMoratoriums;

using Assistance.Application.Abstractions;
using Assistance.Domain.Reviews;

/// <summary>
/// Review moratoriums. A caller sees those of its subtree and those of its ancestors (a province's moratorium binds
/// its counties), and writes only those of its subtree.
/// </summary>
public interface IReviewMoratoriumRepository
{
    Task AddAsync(RegionScope scope, ReviewMoratorium moratorium, CancellationToken cancellationToken);

    Task<ReviewMoratorium?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task SaveAsync(RegionScope scope, ReviewMoratorium moratorium, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Those covering the scope (its subtree and its ancestors), by id (time-ordered), after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<ReviewMoratorium>> ListAsync(RegionScope scope, Guid? afterId, int limit, CancellationToken cancellationToken);
}
