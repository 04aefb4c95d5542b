namespace Assistance.Application.Policy.SetParameterValue;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Domain.Households;

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
/// <param name="Residence">Urban or Rural to limit the value to households of that residence type (e.g. a rule written for
/// city districts, 城区, only); omit or null for both. Overlaps are refused per residence scope.</param>
public sealed record SetParameterValueCommand(
    [property: Required, MaxLength(100)] string Key,
    [property: Required, MaxLength(12)] string RegionCode,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    JsonElement Value,
    [property: Required, MaxLength(500)] string Source,
    Guid? Supersedes,
    ResidenceType? Residence = null) : ICommand<SetParameterValueResult>;
