namespace Assistance.Application.Policy.SetParameterValue;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Policy;
using Assistance.Application.Regions;
using Assistance.Domain.Common;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

public sealed class SetParameterValueHandler(IPolicyStore store, IRegionQueries regions, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<SetParameterValueCommand, SetParameterValueResult>
{
    public async Task<SetParameterValueResult> Handle(SetParameterValueCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = ParameterCatalog.Get(request.Key);
        ParameterValueData value;
        try
        {
            value = definition.Validate(ParameterValueJson.Read(request.Value, "value"));
        }
        catch (DomainValidationException e)
        {
            throw new DomainValidationException("value", e.Message);
        }

        var region = RegionCode.Parse(request.RegionCode);
        if (!user.Scope.Includes(region) || !await regions.ExistsAsync(region, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("Region", region.Value);
        }

        var now = clock.GetUtcNow();
        StoredParameterValue? corrected = null;
        if (request.Supersedes is { } supersededId)
        {
            corrected = await store.FindAsync(supersededId, cancellationToken).ConfigureAwait(false);
            if (corrected is null || !user.Scope.Includes(corrected.Value.RegionCode))
            {
                throw new NotFoundException("ParameterValue", supersededId.ToString());
            }

            BusinessRules.Check(new CorrectionKeepsKeyAndRegion(corrected.Value.Key, corrected.Value.RegionCode, definition.Key, region));

            await store.SupersedeAsync(supersededId, now, cancellationToken).ConfigureAwait(false);
        }

        var proposed = new ParameterValue(definition.Key, region, request.EffectiveFrom, request.EffectiveTo, value, request.Source.Trim(), false, now, Residence: request.Residence);
        var resolver = await store.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Region", region.Value);
        var warnings = ParameterChangeChecks.Check(proposed, resolver);
        var stored = new StoredParameterValue(Guid.CreateVersion7(), proposed, user.Subject, request.Supersedes);
        await store.AddAsync(stored, cancellationToken).ConfigureAwait(false);

        var dto = ParameterValueDto.From(stored);
        await audit.RecordAsync(
            new AuditEntry("ParameterValue", stored.Id.ToString(), corrected is null ? "Recorded" : "Corrected", region,
                corrected is null ? null : ParameterValueDto.From(corrected), dto, request.Source),
            cancellationToken).ConfigureAwait(false);
        return new SetParameterValueResult(dto, warnings.Select(w => new ParameterWarningDto(w.RuleId, w.Clause, w.Message)).ToList());
    }
}
