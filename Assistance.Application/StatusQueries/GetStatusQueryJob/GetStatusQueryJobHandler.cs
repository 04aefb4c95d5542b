namespace Assistance.Application.StatusQueries.GetStatusQueryJob;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetStatusQueryJobHandler(IStatusQueryJobStore jobs, ICurrentUser user) : IQueryHandler<GetStatusQueryJobQuery, StatusQueryJobDto>
{
    public async Task<StatusQueryJobDto> Handle(GetStatusQueryJobQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await jobs.FindAsync(user.Scope, request.Id, user.Subject, user.Agency, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("StatusQueryJob", request.Id.ToString());
    }
}
