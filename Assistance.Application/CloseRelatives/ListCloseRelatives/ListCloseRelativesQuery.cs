namespace Assistance.Application.CloseRelatives.ListCloseRelatives;

using Assistance.Application.Abstractions;

public sealed record ListCloseRelativesQuery(string? RegionCode) : IQuery<IReadOnlyList<CloseRelativeDto>>;
