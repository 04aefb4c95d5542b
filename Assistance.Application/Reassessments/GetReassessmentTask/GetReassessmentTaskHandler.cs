namespace Assistance.Application.Reassessments.GetReassessmentTask;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetReassessmentTaskHandler(IReassessmentTaskRepository tasks, ICurrentUser user) : IQueryHandler<GetReassessmentTaskQuery, ReassessmentTaskDto>
{
    public async Task<ReassessmentTaskDto> Handle(GetReassessmentTaskQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var t = await tasks.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("ReassessmentTask", request.Id.ToString());
        return ReassessmentTaskDto.From(t);
    }
}
