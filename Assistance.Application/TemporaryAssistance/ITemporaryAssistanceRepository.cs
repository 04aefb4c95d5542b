namespace Assistance.Application.TemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Domain.TemporaryAssistance;

/// <summary>A stored case with the parameters its evaluation read.</summary>
public sealed record StoredTemporaryAssistanceCase(TemporaryAssistanceCase Case, IReadOnlyList<EvaluationParameterDto> Parameters);

public interface ITemporaryAssistanceRepository
{
    Task<StoredTemporaryAssistanceCase?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task AddAsync(RegionScope scope, TemporaryAssistanceCase assistanceCase, IReadOnlyList<EvaluationParameterDto> parameters, CancellationToken cancellationToken);

    /// <summary>Saves when the stored version is still <paramref name="expectedVersion"/>; otherwise 412. Bumps the version.</summary>
    Task SaveAsync(RegionScope scope, TemporaryAssistanceCase assistanceCase, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Cases in the scope, by id, after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<StoredTemporaryAssistanceCase>> ListAsync(
        RegionScope scope, TemporaryAssistanceFilter filter, DateOnly today, Guid? afterId, int limit, CancellationToken cancellationToken);
}

/// <summary>List filters; <c>PaperworkOverdue</c>: first-aid payments whose paperwork is past due today .</summary>
public sealed record TemporaryAssistanceFilter(
    TemporaryAssistanceStatus? Status, TemporaryAssistanceType? Type, ApprovalTier? Tier, bool PaperworkOverdue);
