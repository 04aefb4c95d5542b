namespace Assistance.Application.CareAgreements;

using Assistance.Application.Abstractions;
using Assistance.Domain.Enrolments;

public interface ICareAgreementRepository
{
    Task<bool> ExistsForEnrolmentAsync(RegionScope scope, Guid enrolmentId, CancellationToken cancellationToken);

    /// <summary>Stores a new agreement and hands its events to the command's collector.</summary>
    Task AddAsync(RegionScope scope, CareAgreement agreement, CancellationToken cancellationToken);

    Task<CareAgreement?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<CareVisit>> VisitsAsync(RegionScope scope, Guid agreementId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the visit the agreement just recorded and its new last visit when the stored version is
    /// <paramref name="expectedVersion"/> (412 otherwise), then hands the agreement's events to the collector.
    /// </summary>
    Task SaveVisitAsync(RegionScope scope, CareAgreement agreement, long expectedVersion, CareVisit visit, CancellationToken cancellationToken);

    /// <summary>Active decentralized tekun enrolments in the region subtree that have no care agreement yet .</summary>
    Task<IReadOnlyList<EnrolmentWithoutAgreementDto>> ListMissingAsync(RegionScope scope, CancellationToken cancellationToken);

    /// <summary>Agreements of active enrolments whose next visit is due before <paramref name="today"/>.</summary>
    Task<IReadOnlyList<CareAgreement>> ListOverdueAsync(RegionScope scope, DateOnly today, CancellationToken cancellationToken);
}
