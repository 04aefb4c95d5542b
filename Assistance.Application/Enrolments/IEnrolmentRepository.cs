namespace Assistance.Application.Enrolments;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;

public interface IEnrolmentRepository
{
    /// <summary>
    /// Active enrolments covering any of these ID numbers, in every region (R-22 is national: the one deliberate read
    /// across scopes, through a database function). Takes a transaction-level lock per ID number first, so two
    /// concurrent enrolments of the same person are serialized and the second sees the first.
    /// </summary>
    Task<IReadOnlyList<ExistingEnrolment>> ActiveForIdNumbersAsync(IReadOnlyList<string> idNumbers, CancellationToken cancellationToken);

    Task AddAsync(RegionScope scope, Enrolment enrolment, string? basisJson, CancellationToken cancellationToken);

    Task<(Enrolment Enrolment, string? BasisJson)?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task SaveAsync(RegionScope scope, Enrolment enrolment, long expectedVersion, CancellationToken cancellationToken);

    Task<IReadOnlyList<Enrolment>> ListAsync(
        RegionScope scope, Programme? programme, EnrolmentStatus? status, Guid? householdId, Guid? afterId, int limit, CancellationToken cancellationToken);
}
