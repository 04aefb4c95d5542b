namespace Assistance.Application.CareAgreements.ListOverdueCareVisits;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ListOverdueCareVisitsHandler(ICareAgreementRepository agreements, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListOverdueCareVisitsQuery, IReadOnlyList<CareAgreementDto>>
{
    public async Task<IReadOnlyList<CareAgreementDto>> Handle(ListOverdueCareVisitsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        var today = clock.Today();
        var overdue = await agreements.ListOverdueAsync(scope, today, cancellationToken).ConfigureAwait(false);
        return overdue.Select(a => CareMapping.ToDto(a, [], today)).ToList();
    }
}
