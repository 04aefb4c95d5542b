namespace Assistance.Application.Applications.IssueRefusalNotice;

using Assistance.Application.Abstractions;

public sealed class IssueRefusalNoticeHandler(ApplicationTransitions transitions) : ICommandHandler<IssueRefusalNoticeCommand, ApplicationDto>
{
    public Task<ApplicationDto> Handle(IssueRefusalNoticeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transitions.ApplyAsync(
            request.ApplicationId, request.ExpectedVersion,
            (application, context) =>
            {
                application.IssueRefusalNotice(context.Today, context.Actor, request.Reason);
            },
            cancellationToken);
    }
}
