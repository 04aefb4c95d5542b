namespace Assistance.Application.Applications;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;

public interface IApplicationQueries
{
    Task<IReadOnlyList<ApplicationSummaryDto>> ListAsync(
        RegionScope scope, ApplicationStatus? status, Programme? programme, bool overdue, bool? flagged, DateOnly today, Guid? afterId, int limit,
        CancellationToken cancellationToken);
}
