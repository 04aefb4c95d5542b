namespace Assistance.Api.Http;

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Assistance.Api.Security;

/// <summary>
/// The API's JSON settings in one place, applied to the framework's options at startup and used as they are by tests
/// that compare readers against the serializer (AssessmentRequestReaderTests).
/// </summary>
public static class ApiJsonOptions
{
    public static void Apply(JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Issue 14: source-generated metadata for the hot shapes first (ApiJsonContext), reflection for the rest; the same
        // modifiers run over both, so behaviour and the contract do not depend on which resolver answered.
        json.TypeInfoResolver = JsonTypeInfoResolver.WithAddedModifier(
            JsonTypeInfoResolver.Combine(ApiJsonContext.Default, new DefaultJsonTypeInfoResolver()),
            RequiredValuesModifier.Apply).WithMasking();
        // Issue 13: source-generated JSON for the status-query types, first in the chain (StatusQueryJsonContext).
        json.TypeInfoResolverChain.Insert(0, StatusQueryJsonContext.Resolver);
    }
}
