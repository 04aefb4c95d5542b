namespace Assistance.Api.Http;

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Assistance.Application.Assessments;
using Assistance.Domain.Households;

/// <summary>
/// Reads the usual assessment request in one forward pass over its tokens, without the serializer's resumable
/// converters, boxed constructor arguments and metadata lookups (issue 14: they were the largest single cost of the
/// request after the engine). It reads only the plain form: property names as the contract spells them, each once;
/// unescaped text; enum names as declared; dates as yyyy-MM-dd; numbers as numbers; null only where the contract
/// allows it, and every required property present. Anything else (another spelling, an unknown property, a value the
/// serializer would refuse, malformed JSON) answers false, and the caller uses the serializer, whose result or error
/// is the contract. What it accepts it reads exactly as the serializer does: AssessmentRequestReaderTests compares the
/// two on generated requests and on mutations of them.
/// </summary>
public static class AssessmentRequestReader
{
    public static bool TryRead(ReadOnlySpan<byte> json, [NotNullWhen(true)] out AssessmentRequest? request)
    {
        request = null;
        try
        {
            // The serializer's reader settings: depth 64, no comments, no trailing commas.
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !TryReadRequest(ref reader, out var read))
            {
                return false;
            }

            // Only whitespace may follow the body (Read throws on anything else).
            if (reader.Read())
            {
                return false;
            }

            request = read;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryReadRequest(ref Utf8JsonReader reader, [NotNullWhen(true)] out AssessmentRequest? request)
    {
        request = null;
        string? regionCode = null;
        DateOnly asOf = default;
        ResidenceType residence = default;
        List<AssessmentMemberDto>? members = null;
        AssetsDto? assets = null;
        var rigid = 0m;
        Dictionary<string, JsonElement>? overrides = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            bool ok;
            if (Is(ref reader, "regionCode"u8, 1, ref seen))
            {
                ok = TryString(ref reader, out regionCode) && regionCode is not null;
            }
            else if (Is(ref reader, "asOf"u8, 2, ref seen))
            {
                ok = TryDate(ref reader, out var date) && date is { } day;
                asOf = date ?? default;
            }
            else if (Is(ref reader, "residence"u8, 4, ref seen))
            {
                ok = TryEnum(ref reader, out residence);
            }
            else if (Is(ref reader, "members"u8, 8, ref seen))
            {
                ok = TryMembers(ref reader, out members);
            }
            else if (Is(ref reader, "assets"u8, 16, ref seen))
            {
                ok = TryAssets(ref reader, out assets);
            }
            else if (Is(ref reader, "monthlyRigidExpenditure"u8, 32, ref seen))
            {
                ok = TryDecimal(ref reader, out rigid);
            }
            else if (Is(ref reader, "parameterOverrides"u8, 64, ref seen))
            {
                ok = TryOverrides(ref reader, out overrides);
            }
            else
            {
                ok = false;
            }

            if (!ok || seen < 0)
            {
                return false;
            }
        }

        // asOf and residence are required (value types without a default); regionCode and members are left to the
        // serializer when absent, so that the validators answer exactly as they always have.
        if ((seen & (1 | 2 | 4 | 8)) != (1 | 2 | 4 | 8) || reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        request = new AssessmentRequest(regionCode!, asOf, residence, members!, assets, rigid, overrides);
        return true;
    }

    private static bool TryMembers(ref Utf8JsonReader reader, out List<AssessmentMemberDto>? members)
    {
        members = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<AssessmentMemberDto>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || !TryMember(ref reader, out var member))
            {
                return false;
            }

            list.Add(member);
        }

        members = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryMember(ref Utf8JsonReader reader, [NotNullWhen(true)] out AssessmentMemberDto? member)
    {
        member = null;
        string? idNumber = null;
        DateOnly? birthDate = null, tekunSince = null;
        var status = MemberStatus.Present;
        var labor = LaborCapacity.Full;
        var selfCare = SelfCareLevel.SelfCare;
        DisabilityDto? disability = null;
        bool seriousIllness = false, inSchool = false, employed = false, supporter = false;
        List<IncomeDto>? incomes = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            bool ok;
            if (Is(ref reader, "idNumber"u8, 1, ref seen))
            {
                ok = TryString(ref reader, out idNumber);
            }
            else if (Is(ref reader, "birthDate"u8, 2, ref seen))
            {
                ok = TryDate(ref reader, out birthDate);
            }
            else if (Is(ref reader, "status"u8, 4, ref seen))
            {
                ok = TryEnum(ref reader, out status);
            }
            else if (Is(ref reader, "laborCapacity"u8, 8, ref seen))
            {
                ok = TryEnum(ref reader, out labor);
            }
            else if (Is(ref reader, "disability"u8, 16, ref seen))
            {
                ok = TryDisability(ref reader, out disability);
            }
            else if (Is(ref reader, "seriousIllness"u8, 32, ref seen))
            {
                ok = TryBool(ref reader, out seriousIllness);
            }
            else if (Is(ref reader, "selfCare"u8, 64, ref seen))
            {
                ok = TryEnum(ref reader, out selfCare);
            }
            else if (Is(ref reader, "inSchool"u8, 128, ref seen))
            {
                ok = TryBool(ref reader, out inSchool);
            }
            else if (Is(ref reader, "employed"u8, 256, ref seen))
            {
                ok = TryBool(ref reader, out employed);
            }
            else if (Is(ref reader, "hasCapableSupporter"u8, 512, ref seen))
            {
                ok = TryBool(ref reader, out supporter);
            }
            else if (Is(ref reader, "incomes"u8, 1024, ref seen))
            {
                ok = TryIncomes(ref reader, out incomes);
            }
            else if (Is(ref reader, "tekunSince"u8, 2048, ref seen))
            {
                ok = TryDate(ref reader, out tekunSince);
            }
            else
            {
                ok = false;
            }

            if (!ok || seen < 0)
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        member = new AssessmentMemberDto(idNumber, birthDate, status, labor, disability, seriousIllness, selfCare, inSchool, employed, supporter, incomes, tekunSince);
        return true;
    }

    private static bool TryDisability(ref Utf8JsonReader reader, out DisabilityDto? disability)
    {
        disability = null;
        if (!TryOpen(ref reader, JsonTokenType.StartObject, out var isNull) || isNull)
        {
            return isNull;
        }

        DisabilityCategory category = default;
        var grade = 0;
        var seen = 0;

        while (NextProperty(ref reader))
        {
            bool ok;
            if (Is(ref reader, "category"u8, 1, ref seen))
            {
                ok = TryEnum(ref reader, out category);
            }
            else if (Is(ref reader, "grade"u8, 2, ref seen))
            {
                ok = TryInt(ref reader, out grade);
            }
            else
            {
                ok = false;
            }

            if (!ok || seen < 0)
            {
                return false;
            }
        }

        disability = new DisabilityDto(category, grade);
        return seen == 3 && reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryIncomes(ref Utf8JsonReader reader, out List<IncomeDto>? incomes)
    {
        incomes = null;
        if (!TryOpen(ref reader, JsonTokenType.StartArray, out var isNull) || isNull)
        {
            return isNull;
        }

        var list = new List<IncomeDto>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            IncomeType type = default;
            var amount = 0m;
            var unstable = false;
            var seen = 0;
            while (NextProperty(ref reader))
            {
                bool ok;
                if (Is(ref reader, "type"u8, 1, ref seen))
                {
                    ok = TryEnum(ref reader, out type);
                }
                else if (Is(ref reader, "monthlyAmount"u8, 2, ref seen))
                {
                    ok = TryDecimal(ref reader, out amount);
                }
                else if (Is(ref reader, "unstable"u8, 4, ref seen))
                {
                    ok = TryBool(ref reader, out unstable);
                }
                else
                {
                    ok = false;
                }

                if (!ok || seen < 0)
                {
                    return false;
                }
            }

            if ((seen & 3) != 3 || reader.TokenType != JsonTokenType.EndObject)
            {
                return false;
            }

            list.Add(new IncomeDto(type, amount, unstable));
        }

        incomes = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryAssets(ref Utf8JsonReader reader, out AssetsDto? assets)
    {
        assets = null;
        if (!TryOpen(ref reader, JsonTokenType.StartObject, out var isNull) || isNull)
        {
            return isNull;
        }

        var financial = 0m;
        var vehicles = 0;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            bool ok;
            if (Is(ref reader, "financial"u8, 1, ref seen))
            {
                ok = TryDecimal(ref reader, out financial);
            }
            else if (Is(ref reader, "motorVehicles"u8, 2, ref seen))
            {
                ok = TryInt(ref reader, out vehicles);
            }
            else
            {
                ok = false;
            }

            if (!ok || seen < 0)
            {
                return false;
            }
        }

        assets = new AssetsDto(financial, vehicles);
        return seen == 3 && reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryOverrides(ref Utf8JsonReader reader, out Dictionary<string, JsonElement>? overrides)
    {
        overrides = null;
        if (!TryOpen(ref reader, JsonTokenType.StartObject, out var isNull) || isNull)
        {
            return isNull;
        }

        var values = new Dictionary<string, JsonElement>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var key = reader.GetString()!;
            if (!reader.Read())
            {
                return false;
            }

            // The serializer's own reading of a JsonElement (a copy of the value's bytes), each key once.
            if (!values.TryAdd(key, JsonElement.ParseValue(ref reader)))
            {
                return false;
            }
        }

        overrides = values;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>Moves to a value the contract lets be null: true for null (<paramref name="isNull"/>) or <paramref name="start"/>, false for anything else.</summary>
    private static bool TryOpen(ref Utf8JsonReader reader, JsonTokenType start, out bool isNull)
    {
        isNull = false;
        if (!reader.Read())
        {
            return false;
        }

        isNull = reader.TokenType == JsonTokenType.Null;
        return isNull || reader.TokenType == start;
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        return reader.Read() && reader.TokenType == JsonTokenType.PropertyName && !reader.ValueIsEscaped;
    }

    /// <summary>The current property is <paramref name="name"/>, seen for the first time (a repeated one answers false later).</summary>
    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, int bit, ref int seen)
    {
        if (!reader.ValueSpan.SequenceEqual(name))
        {
            return false;
        }

        if ((seen & bit) != 0)
        {
            // A repeated property: matched here so that no later arm takes it, and refused by the caller's check below.
            seen |= int.MinValue;
            return true;
        }

        seen |= bit;
        return true;
    }

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        return reader.Read() && (reader.TokenType == JsonTokenType.Null
            || (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && (value = reader.GetString()) is not null));
    }

    /// <summary>yyyy-MM-dd, the one form the serializer reads for a DateOnly; null where the contract allows it.</summary>
    private static bool TryDate(ref Utf8JsonReader reader, out DateOnly? value)
    {
        value = null;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length != 10)
        {
            return false;
        }

        var bytes = reader.ValueSpan;
        for (var i = 0; i < 10; i++)
        {
            var digitExpected = i is not (4 or 7);
            if (digitExpected ? !char.IsAsciiDigit((char)bytes[i]) : bytes[i] != (byte)'-')
            {
                return false;
            }
        }

        var year = Digits(bytes[..4]);
        var month = Digits(bytes[5..7]);
        var day = Digits(bytes[8..]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var date = new DateOnly(year, month, day);
        value = date;
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            value = (value * 10) + (digit - '0');
        }

        return value;
    }

    /// <summary>An enum member's declared name, exactly (the serializer also reads other spellings: they go to it).</summary>
    private static bool TryEnum<TEnum>(ref Utf8JsonReader reader, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var names = JsonEnumNames<TEnum>.Encoded;
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueSpan.SequenceEqual(names[i].EncodedUtf8Bytes))
            {
                value = JsonEnumNames<TEnum>.Values[i];
                return true;
            }
        }

        return false;
    }

    private static bool TryBool(ref Utf8JsonReader reader, out bool value)
    {
        value = false;
        if (!reader.Read() || reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
        {
            return false;
        }

        value = reader.TokenType == JsonTokenType.True;
        return true;
    }

    private static bool TryInt(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value);
    }

    private static bool TryDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0m;
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out value);
    }
}
