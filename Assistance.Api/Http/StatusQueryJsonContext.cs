namespace Assistance.Api.Http;

using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Assistance.Api.Endpoints;
using Assistance.Api.Security;
using Assistance.Application.StatusQueries;

/// <summary>
/// Source-generated JSON metadata for the status-query request and answers (issue 13, the hottest endpoint): no
/// reflection-built converters for these types. Only the status-query types live here (other contexts cover other
/// DTOs); the options mirror Program.cs (camelCase, strict numbers; enums by name through the options' converter) and <see cref="Resolver"/> applies the
/// same modifiers as the reflection resolver (required values, ID-number masking), so the wire format is unchanged.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StatusQueryRequest))]
[JsonSerializable(typeof(StatusQueryResult))]
[JsonSerializable(typeof(StatusQueryJobDto))]
public sealed partial class StatusQueryJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context with the API's type-info modifiers, to put first in the HTTP options' resolver chain. It answers only
    /// for the status-query records (everything else, strings and enums included, falls through to the next resolver),
    /// so no other endpoint's JSON changes.
    /// </summary>
    public static IJsonTypeInfoResolver Resolver { get; } = new OwnTypesOnly(new StatusQueryJsonContext().WithAddedModifier(RequiredValuesModifier.Apply).WithMasking());

    private sealed class OwnTypesOnly(IJsonTypeInfoResolver inner) : IJsonTypeInfoResolver
    {
        private static readonly HashSet<Type> Owned =
        [
            typeof(StatusQueryRequest), typeof(StatusQueryItem), typeof(IReadOnlyList<StatusQueryItem>),
            typeof(StatusQueryResult), typeof(StatusAnswer), typeof(IReadOnlyList<StatusAnswer>),
            typeof(ProgrammeStatus), typeof(IReadOnlyList<ProgrammeStatus>), typeof(StatusQueryJobDto),
        ];

        public JsonTypeInfo? GetTypeInfo(Type type, System.Text.Json.JsonSerializerOptions options) =>
            Owned.Contains(type) ? inner.GetTypeInfo(type, options) : null;
    }
}
