namespace Assistance.Application.Policy.GetResolvedParameters;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;
using FluentValidation;

/// <summary>The resolved parameter set for a region on a date, optionally as believed at an instant.</summary>
public sealed record GetResolvedParametersQuery(string? RegionCode, DateOnly? On, DateTimeOffset? AsOf) : IQuery<ResolvedParametersDto>;

public sealed class GetResolvedParametersValidator : AbstractValidator<GetResolvedParametersQuery>
{
    public GetResolvedParametersValidator()
    {
        RuleFor(q => q.RegionCode).NotEmpty().Must(c => Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
        RuleFor(q => q.On).NotNull().WithMessage("on (YYYY-MM-DD) is required.");
    }
}

public sealed class GetResolvedParametersHandler(IPolicyStore store)
    : IQueryHandler<GetResolvedParametersQuery, ResolvedParametersDto>
{
    public async Task<ResolvedParametersDto> Handle(GetResolvedParametersQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var region = RegionCode.Parse(request.RegionCode);
        var resolver = await store.ResolverForAsync(region, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Region", region.Value);
        var set = resolver.ResolveAll(region, request.On!.Value, request.AsOf);
        var parameters = set.Resolved.Select(p =>
        {
            var definition = ParameterCatalog.Get(p.Key);
            return new ResolvedParameterDto(p.Key, definition.Type.ToString(), definition.Unit, definition.Description, PolicyJson.ToJson(p.Value),
                p.RegionCode, p.EffectiveFrom, p.EffectiveTo, p.Source, p.IsDemo);
        }).ToList();
        return new ResolvedParametersDto(region.Value, request.On.Value, request.AsOf, parameters);
    }
}
