namespace Assistance.Application.Reviews.EndExpiredGradualExits;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Enrolments;

public sealed class EndExpiredGradualExitsHandler(IReviewRepository reviews, IEnrolmentRepository enrolments, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<EndExpiredGradualExitsCommand, ExitsAppliedDto>
{
    public async Task<ExitsAppliedDto> Handle(EndExpiredGradualExitsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = clock.Today();
        var asOf = request.AsOf ?? today;

        // Selected in one statement; each is then ended through the aggregate so its events write the audit rows.
        var due = await reviews.ListExitsToApplyAsync(user.Scope, asOf, cancellationToken).ConfigureAwait(false);
        var ended = new List<ExitAppliedDto>(due.Count);
        foreach (var exit in due)
        {
            if (await enrolments.GetAsync(user.Scope, exit.EnrolmentId, cancellationToken).ConfigureAwait(false) is not { } found)
            {
                continue;
            }

            var enrolment = found.Enrolment;
            var version = enrolment.Version;
            if (exit.GradualExit)
            {
                enrolment.CompleteGradualExit(exit.EndedOn, today);
            }
            else
            {
                enrolment.ApplyPostponedTermination(exit.EndedOn, today);
            }

            await enrolments.SaveAsync(user.Scope, enrolment, version, cancellationToken).ConfigureAwait(false);
            ended.Add(new ExitAppliedDto(enrolment.Id, exit.GradualExit ? "GradualExitCompleted" : "PostponedTermination", exit.EndedOn));
        }

        return new ExitsAppliedDto(asOf, ended);
    }
}
