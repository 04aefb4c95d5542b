namespace Assistance.Api.Http;

using System.Globalization;
using System.Text.Json;
using Assistance.Api.Security;
using Assistance.Application.Assessments;

/// <summary>
/// Writes an <see cref="AssessmentResponse"/> byte for byte as the serializer does with the API's options, in one
/// synchronous pass with pre-encoded names (issue 14: the trace's ~6 KB went through the serializer's resumable
/// converters, per-property delegates and a polymorphic lookup per parameter value, which cost several times the
/// engine). Text passes through <see cref="PiiMasking.Masked"/> exactly where the masking modifier would apply it (string
/// properties; not the untyped parameter values). A parameter value of a type written here by hand is a number, a
/// boolean, a string or a list of strings, as the engine's parameters are; any other is handed to the serializer.
/// AssessmentResponseWriterTests compares the output with the serializer's on generated responses.
/// </summary>
public static class AssessmentResponseWriter
{
    private static readonly JsonEncodedText RegionCode = JsonEncodedText.Encode("regionCode");
    private static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText MonthlyAmount = JsonEncodedText.Encode("monthlyAmount");
    private static readonly JsonEncodedText DibaoClass = JsonEncodedText.Encode("dibaoClass");
    private static readonly JsonEncodedText Stability = JsonEncodedText.Encode("stability");
    private static readonly JsonEncodedText ReviewIntervalMonths = JsonEncodedText.Encode("reviewIntervalMonths");
    private static readonly JsonEncodedText Members = JsonEncodedText.Encode("members");
    private static readonly JsonEncodedText Trace = JsonEncodedText.Encode("trace");
    private static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText Counted = JsonEncodedText.Encode("counted");
    private static readonly JsonEncodedText TekunBasic = JsonEncodedText.Encode("tekunBasic");
    private static readonly JsonEncodedText TekunCare = JsonEncodedText.Encode("tekunCare");
    private static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Passed = JsonEncodedText.Encode("passed");
    private static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
    private static readonly JsonEncodedText Parameters = JsonEncodedText.Encode("parameters");
    private static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText EffectiveFrom = JsonEncodedText.Encode("effectiveFrom");
    private static readonly JsonEncodedText Residence = JsonEncodedText.Encode("residence");

    /// <param name="writer">A writer with the options' encoder (see <see cref="WriterOptions"/>).</param>
    /// <param name="response">The response.</param>
    /// <param name="options">The API's serializer options, for a parameter value of another type.</param>
    public static void Write(Utf8JsonWriter writer, AssessmentResponse response, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(response);
        writer.WriteStartObject();
        WriteText(writer, RegionCode, response.RegionCode);
        WriteDate(writer, AsOf, response.AsOf);
        writer.WriteString(Outcome, EnumName(response.Outcome));
        writer.WriteNumber(MonthlyAmount, response.MonthlyAmount);
        WriteEnum(writer, DibaoClass, response.DibaoClass);
        WriteEnum(writer, Stability, response.Stability);
        if (response.ReviewIntervalMonths is { } months)
        {
            writer.WriteNumber(ReviewIntervalMonths, months);
        }
        else
        {
            writer.WriteNull(ReviewIntervalMonths);
        }

        writer.WritePropertyName(Members);
        if (response.Members is { } members)
        {
            writer.WriteStartArray();
            for (var i = 0; i < members.Count; i++)
            {
                WriteMember(writer, members[i]);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName(Trace);
        if (response.Trace is { } trace)
        {
            writer.WriteStartArray();
            for (var i = 0; i < trace.Count; i++)
            {
                WriteEntry(writer, trace[i], options);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    /// <summary>The writer settings the serializer derives from <paramref name="options"/>.</summary>
    public static JsonWriterOptions WriterOptions(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth, SkipValidation = true };
    }

    private static void WriteMember(Utf8JsonWriter writer, MemberAssessmentDto? member)
    {
        if (member is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber(Index, member.Index);
        writer.WriteString(Outcome, EnumName(member.Outcome));
        WriteAmount(writer, MonthlyAmount, member.MonthlyAmount);
        writer.WriteBoolean(Counted, member.Counted);
        WriteAmount(writer, TekunBasic, member.TekunBasic);
        WriteAmount(writer, TekunCare, member.TekunCare);
        writer.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter writer, TraceEntryDto? entry, JsonSerializerOptions options)
    {
        if (entry is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        WriteText(writer, Rule, entry.Rule);
        WriteText(writer, Name, entry.Name);
        WriteText(writer, Source, entry.Source);
        writer.WriteBoolean(Passed, entry.Passed);
        WriteText(writer, Detail, entry.Detail);
        writer.WritePropertyName(Parameters);
        if (entry.Parameters is { } parameters)
        {
            writer.WriteStartArray();
            for (var i = 0; i < parameters.Count; i++)
            {
                WriteParameter(writer, parameters[i], options);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter writer, TraceParameterDto? parameter, JsonSerializerOptions options)
    {
        if (parameter is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        WriteText(writer, Key, parameter.Key);
        writer.WritePropertyName(Value);
        switch (parameter.Value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case int integer:
                writer.WriteNumberValue(integer);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case string text:
                // An untyped value: the masking modifier does not see it, so neither does this writer.
                writer.WriteStringValue(text);
                break;
            case string[] texts:
                writer.WriteStartArray();
                foreach (var text in texts)
                {
                    writer.WriteStringValue(text);
                }

                writer.WriteEndArray();
                break;
            case var other:
                JsonSerializer.Serialize(writer, other, other.GetType(), options);
                break;
        }

        WriteText(writer, RegionCode, parameter.RegionCode);
        if (parameter.EffectiveFrom is { } from)
        {
            WriteDate(writer, EffectiveFrom, from);
        }
        else
        {
            writer.WriteNull(EffectiveFrom);
        }

        WriteText(writer, Source, parameter.Source);
        WriteEnum(writer, Residence, parameter.Residence);
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, JsonEncodedText name, string? text)
    {
        if (PiiMasking.Masked(text) is { } value)
        {
            writer.WriteString(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteAmount(Utf8JsonWriter writer, JsonEncodedText name, decimal? amount)
    {
        if (amount is { } value)
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        // The serializer's own form for a DateOnly ("O" = yyyy-MM-dd).
        date.TryFormat(text, out var written, "O", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..written]);
    }

    private static void WriteEnum<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } member)
        {
            writer.WriteString(name, EnumName(member));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static JsonEncodedText EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var index = Array.IndexOf(JsonEnumNames<TEnum>.Values, value);
        // The serializer refuses to write an undeclared value as a name (integers are not allowed): so does this writer.
        return index >= 0 ? JsonEnumNames<TEnum>.Encoded[index] : throw new JsonException($"{typeof(TEnum).Name} has no member {value}.");
    }
}
