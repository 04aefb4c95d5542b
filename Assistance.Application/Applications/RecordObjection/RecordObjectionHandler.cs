namespace Assistance.Application.Applications.RecordObjection;

using Assistance.Application.Abstractions;

public sealed class RecordObjectionHandler(ApplicationTransitions transitions) : ICommandHandler<RecordObjectionCommand, ApplicationDto>
{
    public Task<ApplicationDto> Handle(RecordObjectionCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transitions.ApplyAsync(
            request.ApplicationId, request.ExpectedVersion,
            (application, context) =>
            {
                application.RecordObjection(request.Details, request.Resolution, request.EvaluationOutcome, context.Today, context.Actor, request.Reason);
            },
            cancellationToken);
    }
}
