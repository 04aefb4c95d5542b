namespace Assistance.Application.LifeEvents.GetLifeEvent;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Use cases are named <UseCase>Handler (UseCaseLayoutTests); this one is about life events, not .NET events.")]
public sealed class GetLifeEventHandler(ILifeEventRepository events, ICurrentUser user) : IQueryHandler<GetLifeEventQuery, LifeEventDto>
{
    public async Task<LifeEventDto> Handle(GetLifeEventQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await events.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("LifeEvent", request.Id.ToString());
        return LifeEventDto.From(stored, user.CanReadIdNumbers());
    }
}
