namespace Assistance.Application.Applications.SelectRandomChecks;

using System.ComponentModel.DataAnnotations;

public sealed record RandomCheckSelectionDto(
    [property: MaxLength(12)] string RegionCode, [property: Range(0, 100000)] int Candidates, [property: Range(0, 100000)] int AlreadySelected,
    [property: MaxLength(100000)] IReadOnlyList<Guid> NewlySelected, [property: Range(0, 1)] decimal Share);
