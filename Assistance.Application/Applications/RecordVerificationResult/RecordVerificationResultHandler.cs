namespace Assistance.Application.Applications.RecordVerificationResult;

using Assistance.Application.Abstractions;

public sealed class RecordVerificationResultHandler(ApplicationTransitions transitions) : ICommandHandler<RecordVerificationResultCommand, ApplicationDto>
{
    public Task<ApplicationDto> Handle(RecordVerificationResultCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transitions.ApplyAsync(
            request.ApplicationId, request.ExpectedVersion,
            (application, context) =>
            {
                application.RecordVerificationResult(request.Source, request.Outcome, request.Details, context.Today, context.Actor, request.Reason);
            },
            cancellationToken);
    }
}
