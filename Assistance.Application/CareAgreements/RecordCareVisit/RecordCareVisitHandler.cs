namespace Assistance.Application.CareAgreements.RecordCareVisit;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Regions;

public sealed class RecordCareVisitHandler(ICareAgreementRepository agreements, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordCareVisitCommand, CareAgreementDto>
{
    public async Task<CareAgreementDto> Handle(RecordCareVisitCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = VersionedLoad.Require(
            await agreements.GetAsync(user.Scope, request.AgreementId, cancellationToken).ConfigureAwait(false),
            "CareAgreement", request.AgreementId, request.ExpectedVersion, r => r.Version);

        var today = clock.Today();
        var visitedOn = request.VisitedOn ?? today;
        if (visitedOn > today || visitedOn < row.StartsOn)
        {
            throw new Domain.Common.DomainValidationException("visitedOn", $"A visit is dated between the agreement's start ({row.StartsOn:yyyy-MM-dd}) and today ({today:yyyy-MM-dd}).");
        }

        var visit = new CareVisit(Guid.CreateVersion7(), visitedOn, request.Visitor.Trim(), request.Notes.Trim());
        var version = await agreements.AddVisitAsync(user.Scope, row.Id, row.Version, visit, row.RegionCode, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry("CareAgreement", row.Id.ToString(), "VisitRecorded", RegionCode.Parse(row.RegionCode), new { row.LastVisitOn }, visit, null),
            cancellationToken).ConfigureAwait(false);
        var updated = await agreements.GetAsync(user.Scope, row.Id, cancellationToken).ConfigureAwait(false) ?? row with { Version = version };
        return CareMapping.ToDto(updated, await agreements.VisitsAsync(user.Scope, row.Id, cancellationToken).ConfigureAwait(false), today);
    }
}
