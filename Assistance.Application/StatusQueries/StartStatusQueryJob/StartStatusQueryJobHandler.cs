namespace Assistance.Application.StatusQueries.StartStatusQueryJob;

using Assistance.Application.Abstractions;

public sealed class StartStatusQueryJobHandler(IStatusQueryJobStore jobs, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<StartStatusQueryJobCommand, StatusQueryJobDto>
{
    public async Task<StatusQueryJobDto> Handle(StartStatusQueryJobCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Guid.CreateVersion7();
        await jobs.CreateAsync(user.Scope, id, user.Subject, user.Agency, request.Items, cancellationToken).ConfigureAwait(false);
        return new StatusQueryJobDto(id, StatusQueryJobStatus.Pending, request.Items.Count, clock.GetUtcNow(), null, []);
    }
}
