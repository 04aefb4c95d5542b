namespace Assistance.Application.CareAgreements.RecordCareVisit;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class RecordCareVisitHandler(ICareAgreementRepository agreements, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordCareVisitCommand, CareAgreementDto>
{
    public async Task<CareAgreementDto> Handle(RecordCareVisitCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = VersionedLoad.Require(
            await agreements.GetAsync(user.Scope, request.AgreementId, cancellationToken).ConfigureAwait(false),
            "CareAgreement", request.AgreementId, request.ExpectedVersion, a => a.Version);
        var loadedVersion = agreement.Version;
        var today = clock.Today();
        var visit = agreement.RecordVisit(Guid.CreateVersion7(), request.VisitedOn ?? today, request.Visitor, request.Notes, today);

        // VisitRecorded is audited from the aggregate's event, in this transaction.
        await agreements.SaveVisitAsync(user.Scope, agreement, loadedVersion, visit, cancellationToken).ConfigureAwait(false);
        return CareMapping.ToDto(agreement, await agreements.VisitsAsync(user.Scope, agreement.Id, cancellationToken).ConfigureAwait(false), today);
    }
}
