namespace Assistance.Application.Alerts;

using Assistance.Application.Abstractions;
using Assistance.Domain.Alerts;

/// <summary>Alerts within the caller's region subtree (raising them is the rule run's, see Infrastructure/Alerts).</summary>
public interface IAlertRepository
{
    Task<Alert?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    /// <summary>Stores a lifecycle change if the alert is still at <paramref name="expectedVersion"/>; hands its events on.</summary>
    Task SaveAsync(RegionScope scope, Alert alert, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertState>> ListAsync(
        RegionScope scope, string? rule, AlertStatus? status, Guid? afterId, int limit, CancellationToken cancellationToken);
}
