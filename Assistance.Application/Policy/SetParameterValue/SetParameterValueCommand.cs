namespace Assistance.Application.Policy.SetParameterValue;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Regions;
using Assistance.Domain.Common;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;
using FluentValidation;

/// <summary>
/// Records a new dated value of a parameter for a region, or corrects one (<c>supersedes</c>): the old
/// value is kept as history with its superseded time, never overwritten.
/// </summary>
/// <param name="Key">Parameter key from the catalog, e.g. dibao.standard.urban.</param>
/// <param name="RegionCode">Region the value applies to (and, by inheritance, its subtree).</param>
/// <param name="EffectiveFrom">First day in force (inclusive).</param>
/// <param name="EffectiveTo">First day no longer in force (exclusive); omit for open-ended.</param>
/// <param name="Value">Number, boolean, string, list of strings, or null to end the parameter for this region.</param>
/// <param name="Source">Document and clause the value comes from, e.g. "常民救〔2020〕3号 一.1".</param>
/// <param name="Supersedes">Id of the current value this one corrects.</param>
public sealed record SetParameterValueCommand(
    [property: Required, MaxLength(100)] string Key,
    [property: Required, MaxLength(12)] string RegionCode,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    JsonElement Value,
    [property: Required, MaxLength(500)] string Source,
    Guid? Supersedes) : ICommand<SetParameterValueResult>;

public sealed class SetParameterValueValidator : AbstractValidator<SetParameterValueCommand>
{
    public SetParameterValueValidator()
    {
        RuleFor(c => c.Key).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(100)
            .Must(k => ParameterCatalog.TryGet(k, out _)).WithMessage(c => $"'{c.Key}' is not a known parameter key; see GET /api/v1/policy/parameters for the catalog.");
        RuleFor(c => c.RegionCode).Cascade(CascadeMode.Stop).NotEmpty().Must(c => Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
        RuleFor(c => c.EffectiveFrom).NotEqual(default(DateOnly)).WithMessage("effectiveFrom (YYYY-MM-DD) is required.");
        RuleFor(c => c.EffectiveTo).Must((c, to) => to is null || to > c.EffectiveFrom).WithMessage("effectiveTo must be after effectiveFrom (it is exclusive).");
        RuleFor(c => c.Source).NotEmpty().WithMessage("Every value needs its source (document and clause).").MaximumLength(500);
    }
}

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
            value = definition.Validate(ParameterValueData.FromJson(request.Value, "value"));
        }
        catch (DomainValidationException e)
        {
            throw new DomainValidationException("value", e.Message);
        }

        var region = RegionCode.Parse(request.RegionCode);
        if (!user.CanAccess(region) || !await regions.ExistsAsync(region, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("Region", region.Value);
        }

        var now = clock.GetUtcNow();
        StoredParameterValue? corrected = null;
        if (request.Supersedes is { } supersededId)
        {
            corrected = await store.FindAsync(supersededId, cancellationToken).ConfigureAwait(false);
            if (corrected is null || !user.CanAccess(corrected.Value.RegionCode))
            {
                throw new NotFoundException("ParameterValue", supersededId.ToString());
            }

            if (corrected.Value.Key != definition.Key || corrected.Value.RegionCode != region)
            {
                throw new BusinessRuleViolationException("parameter.correction-mismatch",
                    $"A correction must keep the key and region of the value it supersedes ({corrected.Value.Key}, {corrected.Value.RegionCode}).", "R-02");
            }

            await store.SupersedeAsync(supersededId, now, cancellationToken).ConfigureAwait(false);
        }

        var proposed = new ParameterValue(definition.Key, region, request.EffectiveFrom, request.EffectiveTo, value, request.Source.Trim(), false, now);
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
