namespace Assistance.Application.Enrolments;

using Assistance.Application.Abstractions;
using Assistance.Domain.Regions;

/// <summary>A recorded refusal of suitable work .</summary>
public sealed record WorkRefusalRecord(
    Guid Id, RegionCode Region, Guid EnrolmentId, Guid MemberId, DateOnly RefusedOn, string Offer, bool Justified, string? Justification,
    int ConsecutiveUnjustified, decimal? ShareCut, string RecordedBy);

/// <summary>Refusals of suitable work per enrolment and member .</summary>
public interface IWorkRefusalStore
{
    /// <summary>The member's unjustified refusals on this enrolment since their last justified one (the current run).</summary>
    Task<int> ConsecutiveUnjustifiedAsync(RegionScope scope, Guid enrolmentId, Guid memberId, CancellationToken cancellationToken);

    Task AddAsync(RegionScope scope, WorkRefusalRecord refusal, CancellationToken cancellationToken);
}
