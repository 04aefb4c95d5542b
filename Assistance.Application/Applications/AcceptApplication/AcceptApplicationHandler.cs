namespace Assistance.Application.Applications.AcceptApplication;

using Assistance.Application.Abstractions;

public sealed class AcceptApplicationHandler(ApplicationTransitions transitions) : ICommandHandler<AcceptApplicationCommand, ApplicationDto>
{
    public Task<ApplicationDto> Handle(AcceptApplicationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transitions.ApplyAsync(
            request.ApplicationId, request.ExpectedVersion,
            (application, context) =>
            {
                application.Accept(context.Today, context.Actor, request.Reason);
            },
            cancellationToken);
    }
}
