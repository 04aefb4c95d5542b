namespace Assistance.Application.Regions;

using System.ComponentModel.DataAnnotations;

/// <summary>A region of the register (行政区划).</summary>
/// <param name="Code">GB/T 2260 / GB/T 10114 code: 6, 9 or 12 digits.</param>
/// <param name="Name">Official name.</param>
/// <param name="ParentCode">Parent region; null for the national level.</param>
/// <param name="Level">National, Province, City, County, Township or Village.</param>
public sealed record RegionDto(
    [property: MaxLength(12)] string Code,
    [property: MaxLength(100)] string Name,
    [property: MaxLength(12)] string? ParentCode,
    [property: MaxLength(10)] string Level);
