namespace Assistance.Application.CloseRelatives.ListCloseRelatives;

using Assistance.Application.Abstractions;

public sealed class ListCloseRelativesHandler(ICloseRelativeRegister register, ICurrentUser user) : IQueryHandler<ListCloseRelativesQuery, IReadOnlyList<CloseRelativeDto>>
{
    public async Task<IReadOnlyList<CloseRelativeDto>> Handle(ListCloseRelativesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        var rows = await register.ListAsync(scope, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.MaskedFor(user)).ToList();
    }
}
