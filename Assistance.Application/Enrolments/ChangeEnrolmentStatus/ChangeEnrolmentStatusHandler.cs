namespace Assistance.Application.Enrolments.ChangeEnrolmentStatus;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Policy;

public sealed class ChangeEnrolmentStatusHandler(IEnrolmentRepository enrolments, IPolicyStore policy, ICurrentUser user, TimeProvider clock)
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

        var today = clock.Today();
        switch (request.Action)
        {
            case EnrolmentAction.Suspend: e.Suspend(today, request.Reason); break;
            case EnrolmentAction.Resume: e.Resume(today, request.Reason); break;
            case EnrolmentAction.StartGradualExit:
                // The same length a review's GradualExit outcome gets, so the gradual-exit-ends job ends it.
                e.StartGradualExit(today, request.Reason, await PolicyReader.GradualExitMaxMonthsAsync(policy, e.Region, today, cancellationToken).ConfigureAwait(false));
                break;
            default: e.End(today, request.Reason); break;
        }

        await enrolments.SaveAsync(user.Scope, e, loadedVersion, cancellationToken).ConfigureAwait(false);
        return EnrolmentDto.From(e, f.BasisJson, user.CanReadIdNumbers());
    }
}
