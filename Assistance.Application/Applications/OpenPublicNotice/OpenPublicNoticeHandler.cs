namespace Assistance.Application.Applications.OpenPublicNotice;

using Assistance.Application.Abstractions;

public sealed class OpenPublicNoticeHandler(ApplicationTransitions transitions) : ICommandHandler<OpenPublicNoticeCommand, ApplicationDto>
{
    public Task<ApplicationDto> Handle(OpenPublicNoticeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transitions.ApplyAsync(
            request.ApplicationId, request.ExpectedVersion,
            (application, context) =>
            {
                application.OpenPublicNotice(context.Today, context.Actor, request.Reason);
            },
            cancellationToken);
    }
}
