namespace Assistance.Application.Applications.ExtendApplication;

using Assistance.Application.Abstractions;

public sealed class ExtendApplicationHandler(ApplicationTransitions transitions) : ICommandHandler<ExtendApplicationCommand, ApplicationDto>
{
    public Task<ApplicationDto> Handle(ExtendApplicationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transitions.ApplyAsync(
            request.ApplicationId, request.ExpectedVersion,
            (application, context) =>
            {
                application.ExtendProcess(context.Today, context.Actor, request.Reason ?? string.Empty);
            },
            cancellationToken);
    }
}
