namespace Assistance.Api.Http;

using System.Text.Json;

/// <summary>
/// An enum's declared members and their names as JSON text, in declaration order: what the API's string-enum converter
/// writes (no naming policy), shared by the hand-written reader and writer of the assessment (issue 14). The names
/// are C# identifiers, so their encoded UTF-8 bytes are the names themselves.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class JsonEnumNames<TEnum>
    where TEnum : struct, Enum
{
    public static readonly TEnum[] Values = Enum.GetValues<TEnum>();

    public static readonly JsonEncodedText[] Encoded = Values.Select(v => JsonEncodedText.Encode(v.ToString())).ToArray();
}
