namespace Assistance.Application.CareAgreements.CreateCareAgreement;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Enrolments;
using Assistance.Domain.Enrolments;

public sealed class CreateCareAgreementHandler(
    IEnrolmentRepository enrolments, ICareAgreementRepository agreements, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateCareAgreementCommand, CareAgreementDto>
{
    public async Task<CareAgreementDto> Handle(CreateCareAgreementCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await enrolments.GetAsync(user.Scope, request.EnrolmentId, cancellationToken).ConfigureAwait(false);
        if (found is not { } f)
        {
            throw new NotFoundException("Enrolment", request.EnrolmentId.ToString());
        }

        var e = f.Enrolment;
        CareAgreementRules.CheckCanCreate(e.Programme, e.CareSetting, e.Status);
        if (await agreements.ExistsForEnrolmentAsync(user.Scope, e.Id, cancellationToken).ConfigureAwait(false))
        {
            throw new Domain.Common.BusinessRuleViolationException(
                "care-agreement.exists", "This tekun person already has a care agreement.", "R-23");
        }

        var today = clock.Today();
        var row = new CareAgreementRow(
            Guid.CreateVersion7(), e.Region.Value, e.Id, request.CarerName.Trim(), request.CarerPhone?.Trim(), request.Duties.Trim(),
            request.VisitFrequencyDays, request.StartsOn ?? today, null, 1);
        await agreements.AddAsync(user.Scope, row, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(new AuditEntry("CareAgreement", row.Id.ToString(), "Created", e.Region, null, row, request.Reason), cancellationToken)
            .ConfigureAwait(false);
        return CareMapping.ToDto(row, [], today);
    }
}
