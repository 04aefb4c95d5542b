namespace Assistance.Application.CareAgreements;

using Assistance.Application.Abstractions;
using Assistance.Domain.Enrolments;

public interface ICareAgreementRepository
{
    Task<bool> ExistsForEnrolmentAsync(RegionScope scope, Guid enrolmentId, CancellationToken cancellationToken);

    Task AddAsync(RegionScope scope, CareAgreementRow row, CancellationToken cancellationToken);

    Task<CareAgreementRow?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<CareVisit>> VisitsAsync(RegionScope scope, Guid agreementId, CancellationToken cancellationToken);

    /// <summary>Adds the visit and moves last_visit_on forward when the stored version matches (412 otherwise).</summary>
    Task<long> AddVisitAsync(RegionScope scope, Guid agreementId, long expectedVersion, CareVisit visit, string regionCode, CancellationToken cancellationToken);

    /// <summary>Active decentralized tekun enrolments in the region subtree that have no care agreement yet .</summary>
    Task<IReadOnlyList<EnrolmentWithoutAgreementDto>> ListMissingAsync(RegionScope scope, CancellationToken cancellationToken);

    /// <summary>Agreements of active enrolments whose next visit is due before <paramref name="today"/>.</summary>
    Task<IReadOnlyList<CareAgreementRow>> ListOverdueAsync(RegionScope scope, DateOnly today, CancellationToken cancellationToken);
}
