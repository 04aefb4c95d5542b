namespace Assistance.Application.Enrolments.ChangeEnrolmentStatus;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class ChangeEnrolmentStatusHandler(IEnrolmentRepository enrolments, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeEnrolmentStatusCommand, EnrolmentDto>
{
    public async Task<EnrolmentDto> Handle(ChangeEnrolmentStatusCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var f = VersionedLoad.Require(
            await enrolments.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false),
            "Enrolment", request.Id, request.ExpectedVersion, x => x.Enrolment.Version);
        var e = f.Enrolment;
        var loadedVersion = e.Version;

        var before = e.Status;
        switch (request.Action)
        {
            case EnrolmentAction.Suspend: e.Suspend(); break;
            case EnrolmentAction.Resume: e.Resume(); break;
            case EnrolmentAction.StartGradualExit: e.StartGradualExit(); break;
            default: e.End(clock.Today()); break;
        }

        await enrolments.SaveAsync(user.Scope, e, loadedVersion, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry("Enrolment", e.Id.ToString(), request.Action.ToString(), e.Region, new { Status = before }, new { e.Status, e.EndedOn }, request.Reason),
            cancellationToken).ConfigureAwait(false);
        return EnrolmentDto.From(e, f.BasisJson, user.CanReadIdNumbers());
    }
}
