namespace Assistance.Application.Applications.SelectRandomChecks;

using Assistance.Application.Abstractions;

/// <summary>
/// The county draws its ≥ 30 % random home checks (抽查) among the tekun applications awaiting its decision (R-20;
/// N-43). Already-selected cases count towards the share; the draw is recorded on each selected case and audited.
/// </summary>
public sealed record SelectRandomChecksCommand(string RegionCode, string? Reason) : ICommand<RandomCheckSelectionDto>;
