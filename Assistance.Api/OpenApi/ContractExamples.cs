namespace Assistance.Api.OpenApi;

using System.Globalization;
using System.Text.Json.Nodes;
using Assistance.Domain.Households;
using Microsoft.OpenApi;

/// <summary>
/// Examples for every request and response body. Hand-written where a body tells a story (a household, an
/// assessment with what-if overrides); otherwise built from the schema with values that are real: ID numbers with
/// their GB 11643 check character, region codes of the register (江苏省南通市如皋市 320682), dates, amounts with two
/// decimals. Every value respects the schema's limits, so generated clients and linters can validate them.
/// </summary>
public static class ContractExamples
{
    public const string ExampleRegion = "320682";

    /// <summary>A man born 1985-03-12 in 320682 (sequence 123, odd = male), check character computed.</summary>
    public static readonly string ExampleIdNumber = Id("32068219850312123");

    /// <summary>A woman born 1987-06-21 in 320682 (sequence 246, even = female).</summary>
    public static readonly string ExampleSpouseIdNumber = Id("32068219870621246");

    /// <summary>A man born 1950-01-01 in 320682, as in docs/examples/assessment.json.</summary>
    public static readonly string ExampleElderIdNumber = Id("32068219500101001");

    private static readonly Dictionary<string, Func<JsonNode?>> ByName = new(StringComparer.Ordinal)
    {
        ["idNumber"] = () => ExampleIdNumber,
        ["relativeIdNumber"] = () => ExampleSpouseIdNumber,
        ["regionCode"] = () => ExampleRegion,
        ["parentCode"] = () => "320600",
        ["code"] = () => ExampleRegion,
        ["address"] = () => "江苏省如皋市如城街道人民路88号",
        ["name"] = () => "张伟",
        ["staffName"] = () => "李娜",
        ["relativeName"] = () => "王芳",
        ["carerName"] = () => "王芳",
        ["carerPhone"] = () => "13800000000",
        ["visitor"] = () => "李娜",
        ["actor"] = () => "caseworker-0001",
        ["decidedBy"] = () => "county-0001",
        ["recordedBy"] = () => "policy-admin-0001",
        ["agency"] = () => "如皋市民政局",
        ["reason"] = () => "Case file checked at the window.",
        ["reasons"] = () => "Household income above the dibao standard (R-10).",
        ["details"] = () => "Bank balances agree with the declaration.",
        ["findings"] = () => "Two investigators visited; living conditions match the declaration.",
        ["evaluationOutcome"] = () => "The democratic evaluation confirmed the application.",
        ["notes"] = () => "Visited at home; needs met.",
        ["duties"] = () => "Daily meals, weekly cleaning, accompanying medical visits.",
        ["key"] = () => "dibao.standard.urban",
        ["source"] = () => "S1 一.1",
        ["clause"] = () => "一.1",
        ["rule"] = () => "R-10",
        ["ruleId"] = () => "R-10",
        ["documentNumber"] = () => "皋政发〔2022〕12号",
        ["title"] = () => "如皋市最低生活保障标准调整通知",
        ["jurisdiction"] = () => ExampleRegion,
        ["relationship"] = () => "Spouse",
        ["contentSha256"] = () => "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", // household imports (issue 14)
        ["entityType"] = () => "household",
        ["entityId"] = () => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        ["action"] = () => "household.created",
        ["detail"] = () => "Household income 850.00 is below the standard 900.00.",
        ["message"] = () => "Below the minimum annual increase of 5 %.",
        ["nextCursor"] = () => null,
        ["traceId"] = () => "4bf92f3577b34da6a3ce929d0e0e4736",
        ["startMonth"] = () => "2026-12",
        ["unit"] = () => "yuan/month",
        ["level"] = () => "County",
        ["description"] = () => "Urban dibao standard per person and month.",
        ["file"] = () => "S1",
        ["monthlyAmount"] = () => 900.00m,
        ["monthlyRigidExpenditure"] = () => 0.00m,
        ["financial"] = () => 5000.00m,
        ["grade"] = () => 2,
        ["version"] = () => 1,
        ["visitFrequencyDays"] = () => 7,
        ["year"] = () => 2026,
        ["limit"] = () => 50,
        ["index"] = () => 0,
        ["townshipCode"] = () => "320682001",
        ["personName"] = () => "张伟",
        ["meetingReference"] = () => "如皋市困难群众基本生活保障工作协调会议纪要〔2026〕3号",
        ["explanation"] = () => "House fire on the night of the emergency; cash paid at once, documents collected afterwards.",
        ["refusalReasons"] = () => "The expense is covered by medical insurance.",
        ["paperworkExplanation"] = () => "House fire on the night of the emergency; cash paid at once, documents collected afterwards.",

        // Payment rolls and price indices.
        ["month"] = () => "2026-11",
        ["period"] = () => "2026-11",
        ["indexMonth"] = () => "2026-10",
        ["csv"] = () => "lineId,status,reference,reason\n3fa85f64-5717-4562-b3fc-2c963f66afa6,Paid,ICBC-20261125-0001,",
        ["cpiPercent"] = () => 3.6m,
        ["foodCpiPercent"] = () => 5.2m,
        ["appliedPercent"] = () => 3.6m,
    };

    private static readonly Dictionary<string, JsonNode> Hand = new(StringComparer.Ordinal)
    {
        ["HouseholdInput"] = JsonNode.Parse($$"""
            {
              "regionCode": "320682",
              "residence": "Urban",
              "address": "江苏省如皋市如城街道人民路88号",
              "members": [
                { "idNumber": "{{ExampleIdNumber}}", "name": "张伟", "relationship": "Head",
                  "incomes": [ { "type": "Wage", "monthlyAmount": 1200.00 } ] },
                { "idNumber": "{{ExampleSpouseIdNumber}}", "name": "王芳", "relationship": "Spouse", "laborCapacity": "Partial" }
              ],
              "assets": { "financial": 5000.00, "motorVehicles": 0 },
              "monthlyRigidExpenditure": 0.00
            }
            """)!,
        ["AssessmentRequest"] = JsonNode.Parse($$"""
            {
              "regionCode": "320682",
              "asOf": "2022-10-01",
              "residence": "Urban",
              "members": [
                {
                  "idNumber": "{{ExampleElderIdNumber}}",
                  "birthDate": "1950-01-01",
                  "status": "Present",
                  "laborCapacity": "None",
                  "disability": { "category": "Physical", "grade": 2 },
                  "selfCare": "PartialCare",
                  "incomes": [ { "type": "ResidentBasicPension", "monthlyAmount": 150.00, "unstable": false } ]
                }
              ],
              "assets": { "financial": 5000.00, "motorVehicles": 0 },
              "monthlyRigidExpenditure": 0.00,
              "parameterOverrides": { "dibao.standard.urban": 900.00, "tekun.care.amount.partialCare": 130.00 }
            }
            """)!,
        ["StoredHouseholdAssessmentRequest"] = JsonNode.Parse("""{ "asOf": "2026-11-30", "parameterOverrides": { "dibao.standard.urban": 900.00 } }""")!,
        ["CalendarYearRequest"] = JsonNode.Parse("""
            {
              "source": "国办发明电〔2025〕7号",
              "holidays": [
                { "date": "2026-01-01", "name": "元旦" }, { "date": "2026-01-02", "name": "元旦" }, { "date": "2026-01-03", "name": "元旦" },
                { "date": "2026-02-15", "name": "春节" }, { "date": "2026-02-16", "name": "春节" }, { "date": "2026-02-17", "name": "春节" }
              ],
              "makeUpWorkingDays": [ "2026-01-04", "2026-02-14", "2026-02-28" ],
              "reason": "Published from the State Council notice."
            }
            """)!,
        ["LookupHouseholdQuery"] = JsonNode.Parse($$"""{ "idNumber": "{{ExampleIdNumber}}" }""")!,
        ["SetParameterValueCommand"] = JsonNode.Parse("""
            { "key": "dibao.standard.urban", "regionCode": "320682", "effectiveFrom": "2027-01-01", "value": 945.00,
              "source": "皋政发〔2026〕1号 一", "effectiveTo": null, "supersedes": null }
            """)!,
    };

    public static string Id(string first17) => first17 + NationalId.CheckCharacterFor(first17);

    /// <summary>Puts an example on every JSON request and response body that has none.</summary>
    public static void Apply(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var operation in document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []))
        {
            var bodies = (operation.RequestBody?.Content?.Values ?? []).Concat(((IEnumerable<IOpenApiResponse>?)operation.Responses?.Values ?? []).SelectMany(r => r.Content?.Values ?? []));
            // Problem bodies share one schema whose own example shows them.
            foreach (var media in bodies.OfType<OpenApiMediaType>().Where(m => m.Schema is not OpenApiSchemaReference { Reference.Id: ProblemResponsesTransformer.ProblemSchemaName }))
            {
                if (media.Example is null && media.Schema is not null)
                {
                    media.Example = For(media.Schema, document, 0);
                }
            }
        }
    }

    public static JsonNode? For(IOpenApiSchema schema, OpenApiDocument document, int depth, string? propertyName = null)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var id = reference.Reference.Id!;
            if (Hand.TryGetValue(id, out var hand))
            {
                return hand.DeepClone();
            }

            return id == ContractShapeTransformer.ParameterValueSchema
                ? JsonValue.Create(900.00m)
                : For(document.Components!.Schemas![id], document, depth + 1, propertyName);
        }

        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            var nonNull = oneOf.FirstOrDefault(s => s is not OpenApiSchema { Type: JsonSchemaType.Null });
            return nonNull is null ? null : For(nonNull, document, depth, propertyName);
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            var preferred = propertyName is not null && Preferred.TryGetValue(propertyName, out var p) ? values.FirstOrDefault(v => v?.ToString() == p) : null;
            return (preferred ?? values.First(v => v is not null))!.DeepClone();
        }

        var type = schema.Type ?? JsonSchemaType.Object;
        if (propertyName is not null && ByName.TryGetValue(propertyName, out var named) && Fits(named(), type))
        {
            return named();
        }

        if (type.HasFlag(JsonSchemaType.Object) && schema.Properties is { Count: > 0 } properties)
        {
            var result = new JsonObject();
            if (depth > 12)
            {
                return result;
            }

            foreach (var (name, property) in properties)
            {
                result[name] = For(property, document, depth + 1, name);
            }

            return result;
        }

        if (type.HasFlag(JsonSchemaType.Object) && schema.AdditionalProperties is { } additional)
        {
            return new JsonObject { ["dibao.standard.urban"] = For(additional, document, depth + 1) };
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            var item = schema.Items is null ? null : For(schema.Items, document, depth + 1, Singular(propertyName));
            return schema.MaxItems == 0 ? new JsonArray() : new JsonArray(item);
        }

        if (type.HasFlag(JsonSchemaType.String))
        {
            return schema.Format switch
            {
                "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                "date" => propertyName is "birthDate" ? "1985-03-12" : "2026-11-30",
                "date-time" => "2026-11-30T09:00:00+08:00",
                _ => Clip("text", schema),
            };
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            var min = ParseNumber(schema.Minimum) ?? 0;
            var max = ParseNumber(schema.Maximum) ?? decimal.MaxValue;
            return (long)Math.Min(Math.Max(1, min), max);
        }

        if (type.HasFlag(JsonSchemaType.Number))
        {
            var min = ParseNumber(schema.Minimum) ?? 0;
            var max = ParseNumber(schema.Maximum) ?? decimal.MaxValue;
            return Math.Min(Math.Max(100.00m, min), max);
        }

        if (type.HasFlag(JsonSchemaType.Boolean))
        {
            return false;
        }

        return new JsonObject();
    }

    private static readonly Dictionary<string, string> Preferred = new(StringComparer.Ordinal)
    {
        ["residence"] = "Urban",
        ["relationship"] = "Head",
        ["status"] = "Present",
        ["programme"] = "Dibao",
    };

    private static string? Singular(string? name) => name switch
    {
        "members" => null,
        "investigators" => null,
        _ => name,
    };

    private static bool Fits(JsonNode? value, JsonSchemaType type) => value switch
    {
        null => type.HasFlag(JsonSchemaType.Null),
        JsonValue v when v.TryGetValue<string>(out _) => type.HasFlag(JsonSchemaType.String),
        JsonValue v when v.TryGetValue<int>(out _) || v.TryGetValue<long>(out _) => type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number),
        JsonValue v when v.TryGetValue<decimal>(out _) => type.HasFlag(JsonSchemaType.Number),
        _ => false,
    };

    private static string Clip(string value, IOpenApiSchema schema) =>
        schema.MaxLength is { } max && value.Length > max ? value[..max] : value;

    private static decimal? ParseNumber(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
