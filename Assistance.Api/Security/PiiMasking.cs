namespace Assistance.Api.Security;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Assistance.Domain.Households;

/// <summary>
/// ID numbers typed into free text (reasons, addresses, findings, audit snapshots) are masked for callers without
/// pii.read, in one place: every string, list of strings and JSON value a response serializes passes through here.
/// It also covers idempotent replays and stored JSON, whatever the handler did. Getters are wrapped (no converter),
/// so the OpenAPI schemas stay what the types say.
/// </summary>
public static class PiiMasking
{
    private static readonly HttpContextAccessor Accessor = new();
    private static readonly object RevealKey = new();

    public static IJsonTypeInfoResolver WithMasking(this IJsonTypeInfoResolver resolver) => resolver.WithAddedModifier(Modify);

    private static void Modify(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.Get is not { } get)
            {
                continue;
            }

            if (property.PropertyType == typeof(string))
            {
                property.Get = owner =>
                {
                    // One read of the underlying getter, not two when nothing needs masking (the usual case).
                    var value = get(owner);
                    return value is string text && MustMask(text) ? NationalId.MaskIn(text) : value;
                };
            }
            else if (typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType) && property.PropertyType.IsAssignableFrom(typeof(List<string>)))
            {
                property.Get = owner => get(owner) is IEnumerable<string> texts && texts.Any(MustMask) ? texts.Select(NationalId.MaskIn).ToList() : get(owner);
            }
            else if (property.PropertyType == typeof(JsonElement) || property.PropertyType == typeof(JsonElement?))
            {
                property.Get = owner => get(owner) is JsonElement element && element.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String
                    && element.GetRawText() is var raw && MustMask(raw)
                        ? JsonDocument.Parse(NationalId.MaskIn(raw)).RootElement.Clone()
                        : get(owner);
            }
        }
    }

    /// <summary>The text as a string property of a response serializes it (used by hand-written response writers).</summary>
    public static string? Masked(string? text) => text is not null && MustMask(text) ? NationalId.MaskIn(text) : text;

    private static bool MustMask(string? text) => text is not null && NationalId.MayContainIdNumber(text) && !CallerMaySeeIdNumbers();

    private static bool CallerMaySeeIdNumbers()
    {
        if (Accessor.HttpContext is not { } context)
        {
            return false;
        }

        if (context.Items.TryGetValue(RevealKey, out var cached) && cached is bool reveal)
        {
            return reveal;
        }

        reveal = AuthenticationSetup.HasScope(context.User, Scopes.PiiRead);
        context.Items[RevealKey] = reveal;
        return reveal;
    }
}
