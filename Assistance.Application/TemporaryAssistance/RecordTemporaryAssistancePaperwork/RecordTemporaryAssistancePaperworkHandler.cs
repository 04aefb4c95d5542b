namespace Assistance.Application.TemporaryAssistance.RecordTemporaryAssistancePaperwork;

using Assistance.Application.Abstractions;

public sealed class RecordTemporaryAssistancePaperworkHandler(TemporaryAssistanceSteps steps, ICurrentUser user)
    : ICommandHandler<RecordTemporaryAssistancePaperworkCommand, TemporaryAssistanceDto>
{
    public Task<TemporaryAssistanceDto> Handle(RecordTemporaryAssistancePaperworkCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return steps.ApplyAsync(
            request.Id, request.ExpectedVersion,
            (assistanceCase, today) => assistanceCase.RecordPaperwork(user.Region.Level, request.Explanation, request.MeetingReference, today, user.Subject, request.Reason),
            cancellationToken);
    }
}
