namespace Assistance.Application.TemporaryAssistance.GetTemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetTemporaryAssistanceHandler(ITemporaryAssistanceRepository cases, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetTemporaryAssistanceQuery, TemporaryAssistanceDto>
{
    public async Task<TemporaryAssistanceDto> Handle(GetTemporaryAssistanceQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await cases.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("TemporaryAssistanceCase", request.Id.ToString());
        return TemporaryAssistanceDto.From(stored.Case.ToState(), stored.Parameters, clock.Today());
    }
}
