namespace Assistance.Application.Policy.ListPolicySources;

using Assistance.Application.Abstractions;

public sealed class ListPolicySourcesHandler(IPolicyStore store) : IQueryHandler<ListPolicySourcesQuery, IReadOnlyList<PolicySourceDto>>
{
    public async Task<IReadOnlyList<PolicySourceDto>> Handle(ListPolicySourcesQuery request, CancellationToken cancellationToken) =>
        (await store.SourcesAsync(cancellationToken).ConfigureAwait(false))
            .Select(s => new PolicySourceDto(s.Id, s.Title, s.DocumentNumber, s.Jurisdiction, s.Date, s.InForceFrom, s.File))
            .ToList();
}
