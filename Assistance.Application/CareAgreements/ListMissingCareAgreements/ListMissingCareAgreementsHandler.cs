namespace Assistance.Application.CareAgreements.ListMissingCareAgreements;

using Assistance.Application.Abstractions;

public sealed class ListMissingCareAgreementsHandler(ICareAgreementRepository agreements, ICurrentUser user)
    : IQueryHandler<ListMissingCareAgreementsQuery, IReadOnlyList<EnrolmentWithoutAgreementDto>>
{
    public async Task<IReadOnlyList<EnrolmentWithoutAgreementDto>> Handle(ListMissingCareAgreementsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        return await agreements.ListMissingAsync(scope, cancellationToken).ConfigureAwait(false);
    }
}
