namespace Assistance.Application.Applications.ClosePublicNotice;

using Assistance.Application.Abstractions;

public sealed class ClosePublicNoticeHandler(ApplicationTransitions transitions) : ICommandHandler<ClosePublicNoticeCommand, ApplicationDto>
{
    public Task<ApplicationDto> Handle(ClosePublicNoticeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transitions.ApplyAsync(
            request.ApplicationId, request.ExpectedVersion,
            (application, context) =>
            {
                application.ClosePublicNotice(context.Today, context.Actor, request.Reason, context.Calendar, context.Limits);
            },
            cancellationToken);
    }
}
