namespace Assistance.Application.TemporaryAssistance.RefuseTemporaryAssistance;

using Assistance.Application.Abstractions;

public sealed class RefuseTemporaryAssistanceHandler(TemporaryAssistanceSteps steps, ICurrentUser user)
    : ICommandHandler<RefuseTemporaryAssistanceCommand, TemporaryAssistanceDto>
{
    public Task<TemporaryAssistanceDto> Handle(RefuseTemporaryAssistanceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return steps.ApplyAsync(
            request.Id, request.ExpectedVersion,
            (assistanceCase, today) => assistanceCase.Refuse(user.Region.Level, request.Reasons, today, user.Subject),
            cancellationToken);
    }
}
