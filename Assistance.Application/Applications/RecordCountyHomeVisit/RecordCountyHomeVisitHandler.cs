namespace Assistance.Application.Applications.RecordCountyHomeVisit;

using Assistance.Application.Abstractions;

public sealed class RecordCountyHomeVisitHandler(ApplicationTransitions transitions) : ICommandHandler<RecordCountyHomeVisitCommand, ApplicationDto>
{
    public Task<ApplicationDto> Handle(RecordCountyHomeVisitCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transitions.ApplyAsync(
            request.ApplicationId, request.ExpectedVersion,
            (application, context) =>
            {
                application.RecordCountyHomeVisit(BusinessRulesAtCounty.IsCountyOrAbove(context.User), request.Purpose, request.Investigators, request.Findings, context.Today, context.Actor, request.Reason);
            },
            cancellationToken);
    }
}
