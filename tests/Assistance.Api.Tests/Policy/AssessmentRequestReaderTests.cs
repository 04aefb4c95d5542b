namespace Assistance.Api.Tests.Policy;

using System.Globalization;
using System.Text;
using System.Text.Json;
using Assistance.Api.Http;
using Assistance.Application.Assessments;

/// <summary>
/// <see cref="AssessmentRequestReader"/> may read a body only as the serializer reads it (the API's own options), and
/// must leave every other body to the serializer: compared on generated plain requests (which it must read) and on
/// mutations of them (which it may read only when the serializer gives the same request).
/// </summary>
public sealed class AssessmentRequestReaderTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();
    private static readonly string[] Residences = ["Urban", "Rural"];
    private static readonly string[] Statuses = ["Present", "Imprisoned", "CompulsoryRehab", "Missing"];
    private static readonly string[] Labor = ["Full", "Partial", "None"];
    private static readonly string[] Categories = ["Physical", "Intellectual", "Mental", "Visual", "Hearing", "Speech", "Multiple"];
    private static readonly string[] SelfCare = ["SelfCare", "PartialCare", "FullCare"];
    private static readonly string[] IncomeTypes = ["Wage", "Business", "Property", "Transfer", "ResidentBasicPension", "PreferentialCare"];

    [Test]
    public void TheExampleBody_IsReadByTheFastReader_AsTheSerializerReadsIt()
    {
        var json = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "docs", "examples", "assessment.json"));
        Assert.That(AssessmentRequestReader.TryRead(json, out var fast), Is.True);
        Assert.That(Canonical(fast!), Is.EqualTo(Canonical(JsonSerializer.Deserialize<AssessmentRequest>(json, Options)!)));
        Assert.That(fast!.Members[0].Incomes![0].MonthlyAmount.ToString(CultureInfo.InvariantCulture), Is.EqualTo("150.00"));
    }

    [Test]
    public void GeneratedPlainBodies_AreAllRead_AndEqualTheSerializersReading()
    {
        var random = new Random(20261130);
        for (var i = 0; i < 3000; i++)
        {
            var json = Generate(random);
            var expected = JsonSerializer.Deserialize<AssessmentRequest>(json, Options)!;
            Assert.That(AssessmentRequestReader.TryRead(Encoding.UTF8.GetBytes(json), out var fast), Is.True, json);
            Assert.That(Canonical(fast!), Is.EqualTo(Canonical(expected)), json);
        }
    }

    [Test]
    public void MutatedBodies_AreReadOnlyWhenTheSerializerGivesTheSameRequest()
    {
        var random = new Random(7);
        var refused = 0;
        for (var i = 0; i < 3000; i++)
        {
            var json = Mutate(Generate(random), random);
            AssessmentRequest? expected = null;
            try
            {
                expected = JsonSerializer.Deserialize<AssessmentRequest>(json, Options);
            }
            catch (JsonException)
            {
            }

            if (AssessmentRequestReader.TryRead(Encoding.UTF8.GetBytes(json), out var fast))
            {
                Assert.That(expected, Is.Not.Null, $"read a body the serializer refuses: {json}");
                Assert.That(Canonical(fast!), Is.EqualTo(Canonical(expected!)), json);
            }
            else
            {
                refused++;
            }
        }

        // The mutations are chosen to leave the plain form: most must be left to the serializer.
        Assert.That(refused, Is.GreaterThan(2000));
    }

    /// <summary>A property added to a request record fails here until the maximal body and then the reader know it.</summary>
    [Test]
    public void EveryPropertyOfTheRequestRecords_IsReadByTheFastReader()
    {
        var maximal = """
            {"regionCode": "320682", "asOf": "2022-10-01", "residence": "Rural", "monthlyRigidExpenditure": 12.5,
             "assets": {"financial": 5000.00, "motorVehicles": 1}, "parameterOverrides": {"dibao.standard.urban": 900.00},
             "members": [{"idNumber": "320682195001010011", "birthDate": "1950-01-01", "status": "Missing", "laborCapacity": "Partial",
               "disability": {"category": "Visual", "grade": 3}, "seriousIllness": true, "selfCare": "FullCare", "inSchool": true,
               "employed": true, "hasCapableSupporter": true, "tekunSince": "2020-02-29",
               "incomes": [{"type": "Wage", "monthlyAmount": 1.25, "unstable": true}]}]}
            """;
        Type[] records = [typeof(AssessmentRequest), typeof(AssessmentMemberDto), typeof(DisabilityDto), typeof(IncomeDto), typeof(AssetsDto)];
        foreach (var property in records.SelectMany(r => r.GetProperties().Where(p => p.DeclaringType == r && p.Name != "EqualityContract")))
        {
            Assert.That(maximal, Does.Contain($"\"{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}\":"), $"{property.DeclaringType!.Name}.{property.Name}");
        }

        Assert.That(AssessmentRequestReader.TryRead(Encoding.UTF8.GetBytes(maximal), out var fast), Is.True);
        Assert.That(Canonical(fast!), Is.EqualTo(Canonical(JsonSerializer.Deserialize<AssessmentRequest>(maximal, Options)!)));
    }

    [TestCase("{\"RegionCode\":\"320682\",\"asOf\":\"2022-10-01\",\"residence\":\"Urban\",\"members\":[{}]}", TestName = "A name in another case")]
    [TestCase("{\"regionCode\":\"32068\\u0032\",\"asOf\":\"2022-10-01\",\"residence\":\"Urban\",\"members\":[{}]}", TestName = "Escaped text")]
    [TestCase("{\"regionCode\":\"320682\",\"asOf\":\"2022-10-01\",\"residence\":\"urban\",\"members\":[{}]}", TestName = "An enum in another case")]
    [TestCase("{\"regionCode\":\"320682\",\"asOf\":\"2022-10-01\",\"residence\":\"Urban\",\"members\":[{}],\"extra\":1}", TestName = "An unknown property")]
    [TestCase("{\"regionCode\":\"320682\",\"regionCode\":\"320683\",\"asOf\":\"2022-10-01\",\"residence\":\"Urban\",\"members\":[{}]}", TestName = "A repeated property")]
    [TestCase("{\"regionCode\":\"320682\",\"residence\":\"Urban\",\"members\":[{}]}", TestName = "A required property missing")]
    [TestCase("{\"regionCode\":\"320682\",\"asOf\":\"2022-10-01\",\"residence\":\"Urban\",\"members\":[null]}", TestName = "A null member")]
    [TestCase("{\"regionCode\":\"320682\",\"asOf\":\"2022-10-01\",\"residence\":\"Urban\",\"members\":[{}],\"assets\":{\"financial\":\"5\",\"motorVehicles\":0}}", TestName = "A number in a string")]
    [TestCase("{\"regionCode\":\"320682\",\"asOf\":\"2022-10-01\",\"residence\":\"Urban\",\"members\":[{}],}", TestName = "A trailing comma")]
    [TestCase("{\"regionCode\":\"320682\",\"asOf\":\"2022-10-01\",\"residence\":\"Urban\",\"members\":[{}]} x", TestName = "Content after the body")]
    [TestCase("{\"regionCode\":\"320682\",\"asOf\":\"2021-02-29\",\"residence\":\"Urban\",\"members\":[{}]}", TestName = "A day the month does not have")]
    [TestCase("{\"regionCode\":\"320682\",\"asOf\":\"2022-00-10\",\"residence\":\"Urban\",\"members\":[{}]}", TestName = "Month zero")]
    [TestCase("{\"regionCode\":\"320682\",\"asOf\":\"0000-01-01\",\"residence\":\"Urban\",\"members\":[{}]}", TestName = "Year zero")]
    [TestCase("{\"regionCode\":\"320682\",\"asOf\":\"2022-1-01\",\"residence\":\"Urban\",\"members\":[{}]}", TestName = "A short date")]
    public void ABodyOutsideThePlainForm_IsLeftToTheSerializer(string json) =>
        Assert.That(AssessmentRequestReader.TryRead(Encoding.UTF8.GetBytes(json), out _), Is.False);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJsonOptions.Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static string Canonical(AssessmentRequest request) => JsonSerializer.Serialize(request, Options);

    private static string Generate(Random random)
    {
        var properties = new List<string>
        {
            $"\"regionCode\": \"{random.Next(110000, 659999)}\"",
            $"\"asOf\": \"{Date(random)}\"",
            $"\"residence\": \"{Pick(random, Residences)}\"",
            $"\"members\": [{string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Member(random)))}]",
        };
        if (random.Next(3) > 0)
        {
            properties.Add(random.Next(5) == 0 ? "\"assets\": null" : $"\"assets\": {{\"motorVehicles\": {random.Next(0, 3)}, \"financial\": {Amount(random)}}}");
        }

        if (random.Next(2) == 0)
        {
            properties.Add($"\"monthlyRigidExpenditure\": {Amount(random)}");
        }

        if (random.Next(2) == 0)
        {
            properties.Add(random.Next(5) == 0 ? "\"parameterOverrides\": null"
                : "\"parameterOverrides\": {\"dibao.standard.urban\": 900.00, \"some.list\": [\"a\", 1, true, null, {\"x\": 2.50}], \"flag\": false}");
        }

        return "{" + string.Join(random.Next(2) == 0 ? "," : ",\n  ", Shuffle(random, properties)) + "}";
    }

    private static string Member(Random random)
    {
        var properties = new List<string>();
        void Maybe(string property)
        {
            if (random.Next(2) == 0)
            {
                properties.Add(property);
            }
        }

        Maybe(random.Next(4) == 0 ? "\"idNumber\": null" : $"\"idNumber\": \"{random.NextInt64(100000000000000000, 999999999999999999)}\"");
        Maybe(random.Next(4) == 0 ? "\"birthDate\": null" : $"\"birthDate\": \"{Date(random)}\"");
        Maybe($"\"status\": \"{Pick(random, Statuses)}\"");
        Maybe($"\"laborCapacity\": \"{Pick(random, Labor)}\"");
        Maybe(random.Next(3) == 0 ? "\"disability\": null" : $"\"disability\": {{\"grade\": {random.Next(0, 6)}, \"category\": \"{Pick(random, Categories)}\"}}");
        Maybe($"\"seriousIllness\": {Bool(random)}");
        Maybe($"\"selfCare\": \"{Pick(random, SelfCare)}\"");
        Maybe($"\"inSchool\": {Bool(random)}");
        Maybe($"\"employed\": {Bool(random)}");
        Maybe($"\"hasCapableSupporter\": {Bool(random)}");
        Maybe(random.Next(4) == 0 ? "\"incomes\": null" : $"\"incomes\": [{string.Join(",", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Income(random)))}]");
        Maybe(random.Next(3) == 0 ? "\"tekunSince\": null" : $"\"tekunSince\": \"{Date(random)}\"");
        return "{" + string.Join(", ", Shuffle(random, properties)) + "}";
    }

    private static string Income(Random random)
    {
        var properties = new List<string> { $"\"type\": \"{Pick(random, IncomeTypes)}\"", $"\"monthlyAmount\": {Amount(random)}" };
        if (random.Next(2) == 0)
        {
            properties.Add($"\"unstable\": {Bool(random)}");
        }

        return "{" + string.Join(",", Shuffle(random, properties)) + "}";
    }

    /// <summary>One change that usually leaves the plain form, sometimes one that keeps it (a space, another order).</summary>
    private static string Mutate(string json, Random random)
    {
        string[] names = ["regionCode", "asOf", "residence", "members", "status", "laborCapacity", "monthlyAmount", "financial", "grade", "type", "incomes"];
        var name = Pick(random, names);
        var at = json.IndexOf($"\"{name}\"", StringComparison.Ordinal);
        return random.Next(16) switch
        {
            0 when at >= 0 => json.Remove(at + 1, 1).Insert(at + 1, char.ToUpperInvariant(name[0]).ToString()),
            1 when at >= 0 => json.Insert(at + 1, "\\u0020"),
            2 => json.Replace("\"Urban\"", "\"urban\"", StringComparison.Ordinal).Replace("\"Wage\"", "\"wage\"", StringComparison.Ordinal),
            3 => json.Insert(1, "\"unknown\": 1, "),
            4 when at >= 0 => json.Insert(at, $"\"{name}\": null, "),
            5 => json.Replace("\"residence\": \"Urban\"", "\"residence\": 0", StringComparison.Ordinal).Replace("\"residence\": \"Rural\"", "\"residence\": 1", StringComparison.Ordinal),
            6 => json.Replace(".", "", StringComparison.Ordinal),
            7 => json.Replace("-0", "/0", StringComparison.Ordinal),
            8 => json.Replace("}", ",}", StringComparison.Ordinal),
            9 => json.Insert(1, "/* c */"),
            10 when at >= 0 => json.Insert(at, $"\"{name}\": \"x\", "),
            11 => json.Replace("[{", "[null, {", StringComparison.Ordinal),
            12 => json.Replace(": true", ": \"true\"", StringComparison.Ordinal).Replace(": false", ": 1", StringComparison.Ordinal),
            13 => " \n" + json + " \n",
            14 => json + "{}",
            _ => json.Replace("\"financial\": ", "\"financial\": 1e", StringComparison.Ordinal),
        };
    }

    private static string Date(Random random)
    {
        var (year, month) = (random.Next(1, 10000), random.Next(1, 13));
        return new DateOnly(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string Amount(Random random) => random.Next(4) switch
    {
        0 => random.Next(0, 100000).ToString(CultureInfo.InvariantCulture),
        1 => (random.Next(0, 10000000) / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        2 => "99999999.99",
        _ => (random.Next(0, 1000) / 10m).ToString("0.0", CultureInfo.InvariantCulture),
    };

    private static string Bool(Random random) => random.Next(2) == 0 ? "true" : "false";

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static List<string> Shuffle(Random random, List<string> values) => [.. values.OrderBy(_ => random.Next())];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Assistance.sln not found above the test directory.");
    }
}
