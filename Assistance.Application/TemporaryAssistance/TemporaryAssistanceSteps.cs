namespace Assistance.Application.TemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.TemporaryAssistance;

/// <summary>
/// What every step on one case shares, as a collaborator the handlers call: load in the caller's scope (404), check the
/// version the caller saw (412), apply one aggregate method (409 on a broken rule), save; the aggregate's events become
/// audit rows in the same transaction.
/// </summary>
public sealed class TemporaryAssistanceSteps(ITemporaryAssistanceRepository cases, ICurrentUser user, TimeProvider clock)
{
    public const string Entity = "TemporaryAssistanceCase";

    public async Task<StoredTemporaryAssistanceCase> LoadAsync(Guid id, IfMatch expectedVersion, CancellationToken cancellationToken) =>
        VersionedLoad.Require(await cases.GetAsync(user.Scope, id, cancellationToken).ConfigureAwait(false), Entity, id, expectedVersion, s => s.Case.Version);

    public async Task<TemporaryAssistanceDto> ApplyAsync(
        Guid id, IfMatch expectedVersion, Action<TemporaryAssistanceCase, DateOnly> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var stored = await LoadAsync(id, expectedVersion, cancellationToken).ConfigureAwait(false);
        var today = clock.Today();
        var loadedVersion = stored.Case.Version;
        step(stored.Case, today);
        return await SaveAsync(stored, loadedVersion, today, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TemporaryAssistanceDto> SaveAsync(StoredTemporaryAssistanceCase stored, long loadedVersion, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        await cases.SaveAsync(user.Scope, stored.Case, loadedVersion, cancellationToken).ConfigureAwait(false);
        return TemporaryAssistanceDto.From(stored.Case.ToState(), stored.Parameters, today);
    }
}
