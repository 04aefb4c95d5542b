namespace Assistance.Application.Policy;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;

/// <summary>A parameter value resolved for a region and date, with where it came from.</summary>
/// <param name="Key">Parameter key, e.g. dibao.standard.urban.</param>
/// <param name="Type">Decimal, Integer, Boolean, EnumString or StringList.</param>
/// <param name="Unit">Unit of the value, e.g. 元/人·月.</param>
/// <param name="Description">What the parameter means.</param>
/// <param name="Value">The value (number, boolean, string or list of strings); null when the parameter is unset here.</param>
/// <param name="RegionCode">The region whose value applies (the requested region or an ancestor).</param>
/// <param name="EffectiveFrom">First day in force (inclusive).</param>
/// <param name="EffectiveTo">First day no longer in force (exclusive); null when open-ended.</param>
/// <param name="Source">Document and clause, e.g. "N-43 Art.5".</param>
/// <param name="Demo">True for demo values that no policy text backs.</param>
/// <param name="Residence">The residence type the value is limited to (Urban or Rural); null = a value for both.</param>
public sealed record ResolvedParameterDto(
    [property: MaxLength(100)] string Key,
    [property: MaxLength(20)] string Type,
    [property: MaxLength(40)] string Unit,
    [property: MaxLength(500)] string Description,
    JsonElement? Value,
    [property: MaxLength(12)] string RegionCode,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveTo,
    [property: MaxLength(500)] string Source,
    bool Demo,
    ResidenceType? Residence);

/// <param name="RegionCode">The region asked about.</param>
/// <param name="On">The date the values are in force.</param>
/// <param name="AsOf">Recorded-time view: what was believed at this instant (null = now).</param>
/// <param name="Residence">The residence type asked about; null = both types, a key listed once per distinct value.</param>
/// <param name="Parameters">Every catalog parameter that resolves for the region and date.</param>
public sealed record ResolvedParametersDto(
    [property: MaxLength(12)] string RegionCode,
    DateOnly On,
    DateTimeOffset? AsOf,
    ResidenceType? Residence,
    [property: MaxLength(200)] IReadOnlyList<ResolvedParameterDto> Parameters);

/// <summary>A stored parameter value, current or superseded.</summary>
/// <param name="Id">Value id (use it in <c>supersedes</c> to correct the value).</param>
/// <param name="Key">Parameter key.</param>
/// <param name="RegionCode">Region holding the value.</param>
/// <param name="EffectiveFrom">First day in force (inclusive).</param>
/// <param name="EffectiveTo">First day no longer in force (exclusive); null when open-ended.</param>
/// <param name="Value">The value; null ends the parameter for the region.</param>
/// <param name="Source">Document and clause.</param>
/// <param name="Demo">True for demo values.</param>
/// <param name="RecordedAt">When the value was recorded.</param>
/// <param name="RecordedBy">Who recorded it (token subject, or the policy pack file).</param>
/// <param name="SupersededAt">When a correction replaced it; null while current.</param>
/// <param name="Supersedes">The value this one corrected, if any.</param>
/// <param name="Residence">The residence type the value is limited to (Urban or Rural); null = both.</param>
public sealed record ParameterValueDto(
    Guid Id,
    [property: MaxLength(100)] string Key,
    [property: MaxLength(12)] string RegionCode,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    JsonElement? Value,
    [property: MaxLength(500)] string Source,
    bool Demo,
    DateTimeOffset RecordedAt,
    [property: MaxLength(200)] string RecordedBy,
    DateTimeOffset? SupersededAt,
    Guid? Supersedes,
    ResidenceType? Residence)
{
    public static ParameterValueDto From(StoredParameterValue stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var v = stored.Value;
        return new ParameterValueDto(stored.Id, v.Key, v.RegionCode.Value, v.EffectiveFrom, v.EffectiveTo, PolicyJson.ToJson(v.Value), v.Source, v.IsDemo,
            v.RecordedAt, stored.RecordedBy, v.SupersededAt, stored.Supersedes, v.Residence);
    }
}

/// <param name="Key">Parameter key.</param>
/// <param name="RegionCode">The region whose chain (region and ancestors) is listed.</param>
/// <param name="AsOf">When given, only values visible at this instant (recorded by then, not yet superseded).</param>
/// <param name="Residence">When given, only values a household of this residence type can see (its own and those for both).</param>
/// <param name="Values">Values of the region and its ancestors, nearest region first, then by date.</param>
public sealed record ParameterHistoryDto(
    [property: MaxLength(100)] string Key,
    [property: MaxLength(12)] string RegionCode,
    DateTimeOffset? AsOf,
    ResidenceType? Residence,
    [property: MaxLength(1000)] IReadOnlyList<ParameterValueDto> Values);

/// <param name="RuleId">The rule that warns, e.g. R-12.</param>
/// <param name="Clause">Its source clause.</param>
/// <param name="Message">What to check.</param>
public sealed record ParameterWarningDto([property: MaxLength(10)] string RuleId, [property: MaxLength(200)] string Clause, [property: MaxLength(1000)] string Message);

/// <param name="Value">The stored value.</param>
/// <param name="Warnings">Accepted, but worth a second look (R-12 floors, S1 minimum annual increase).</param>
public sealed record SetParameterValueResult(ParameterValueDto Value, [property: MaxLength(20)] IReadOnlyList<ParameterWarningDto> Warnings);

/// <param name="Id">Source id used in rule citations, e.g. S1 or N-57.</param>
/// <param name="Title">Document title.</param>
/// <param name="DocumentNumber">Official number, e.g. 民发〔2021〕57号.</param>
/// <param name="Jurisdiction">Issuing jurisdiction.</param>
/// <param name="Date">Document date.</param>
/// <param name="InForceFrom">Date it took effect.</param>
/// <param name="File">Seed file name, when the text is in the repository.</param>
public sealed record PolicySourceDto(
    [property: MaxLength(20)] string Id,
    [property: MaxLength(300)] string Title,
    [property: MaxLength(100)] string? DocumentNumber,
    [property: MaxLength(100)] string Jurisdiction,
    DateOnly? Date,
    DateOnly? InForceFrom,
    [property: MaxLength(200)] string? File);

public static class PolicyJson
{
    public static JsonElement? ToJson(ParameterValueData value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IsNull ? null : JsonSerializer.SerializeToElement(value.ToClrValue());
    }
}
