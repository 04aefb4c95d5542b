namespace Assistance.Application.Applications.RequestVerification;

using Assistance.Application.Abstractions;

public sealed class RequestVerificationHandler(ApplicationTransitions transitions) : ICommandHandler<RequestVerificationCommand, ApplicationDto>
{
    public Task<ApplicationDto> Handle(RequestVerificationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transitions.ApplyAsync(
            request.ApplicationId, request.ExpectedVersion,
            (application, context) =>
            {
                application.RequestVerification(context.Today, context.Actor, request.Reason);
            },
            cancellationToken);
    }
}
