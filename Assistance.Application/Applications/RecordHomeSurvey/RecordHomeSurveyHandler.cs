namespace Assistance.Application.Applications.RecordHomeSurvey;

using Assistance.Application.Abstractions;

public sealed class RecordHomeSurveyHandler(ApplicationTransitions transitions) : ICommandHandler<RecordHomeSurveyCommand, ApplicationDto>
{
    public Task<ApplicationDto> Handle(RecordHomeSurveyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transitions.ApplyAsync(
            request.ApplicationId, request.ExpectedVersion,
            (application, context) =>
            {
                application.RecordHomeSurvey(request.Investigators, request.Findings, context.Today, context.Actor, request.Reason);
            },
            cancellationToken);
    }
}
