namespace Assistance.Application.Jobs.RunJob;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class RunJobHandler(IJobRunner runner, ICurrentUser user) : ICommandHandler<RunJobCommand, JobRunDto>
{
    public async Task<JobRunDto> Handle(RunJobCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (runner.Jobs.All(j => j.Name != request.Name))
        {
            throw new NotFoundException("Job", request.Name);
        }

        return await runner.RunAsync(request.Name, request.Period, JobTrigger.OnDemand, user.Subject, cancellationToken).ConfigureAwait(false);
    }
}
