namespace Assistance.Application.TemporaryAssistance.ApproveTemporaryAssistance;

using Assistance.Application.Abstractions;

public sealed class ApproveTemporaryAssistanceHandler(TemporaryAssistanceSteps steps, ICurrentUser user)
    : ICommandHandler<ApproveTemporaryAssistanceCommand, TemporaryAssistanceDto>
{
    public Task<TemporaryAssistanceDto> Handle(ApproveTemporaryAssistanceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return steps.ApplyAsync(
            request.Id, request.ExpectedVersion,
            (assistanceCase, today) => assistanceCase.Approve(user.Region.Level, request.MeetingReference, today, user.Subject, request.Reason),
            cancellationToken);
    }
}
