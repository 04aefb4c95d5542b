namespace Assistance.Application.CareAgreements.GetCareAgreement;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetCareAgreementHandler(ICareAgreementRepository agreements, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetCareAgreementQuery, CareAgreementDto>
{
    public async Task<CareAgreementDto> Handle(GetCareAgreementQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = await agreements.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false);
        if (agreement is null)
        {
            throw new NotFoundException("CareAgreement", request.Id.ToString());
        }

        return CareMapping.ToDto(agreement, await agreements.VisitsAsync(user.Scope, agreement.Id, cancellationToken).ConfigureAwait(false), clock.Today());
    }
}
