namespace Assistance.Api.Tests.Policy;

using System.Text;
using System.Text.Json;
using Assistance.Api.Http;
using Assistance.Application.Assessments;
using Assistance.Domain.Eligibility;
using Assistance.Domain.Households;

/// <summary>
/// <see cref="AssessmentResponseWriter"/> must write what the serializer writes with the API's options, byte for byte,
/// masking included (no request here, so every ID number in a masked property is masked, in both).
/// </summary>
public sealed class AssessmentResponseWriterTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    [Test]
    public void GeneratedResponses_AreWrittenAsTheSerializerWritesThem()
    {
        var random = new Random(20261130);
        for (var i = 0; i < 2000; i++)
        {
            var response = Generate(random);
            var expected = JsonSerializer.Serialize(response, Options);
            Assert.That(Write(response), Is.EqualTo(expected));
        }
    }

    [Test]
    public void AnIdNumberInTheTraceText_IsMasked_ButNotInAnUntypedParameterValue()
    {
        const string id = "320682195001010011";
        var response = Generate(new Random(1)) with
        {
            Trace = [new TraceEntryDto("R-01", "members.counted", "N-57 Art.7", true, $"member {id} counted", [new TraceParameterDto("k", id, "000000", null, "s", null)])],
        };
        var written = Write(response);
        Assert.That(written, Is.EqualTo(JsonSerializer.Serialize(response, Options)));
        Assert.That(written, Does.Contain($"\"value\":\"{id}\""));
        Assert.That(written, Does.Not.Contain($"member {id}"));
    }

    private static string Write(AssessmentResponse response)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, AssessmentResponseWriter.WriterOptions(Options)))
        {
            AssessmentResponseWriter.Write(writer, response, Options);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonSerializerOptions CreateOptions()
    {
        // The framework's HTTP JSON options start from these (web defaults, relaxed escaping), then the API's own.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        ApiJsonOptions.Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static AssessmentResponse Generate(Random random)
    {
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        T? Maybe<T>(T value)
            where T : struct => random.Next(3) == 0 ? null : value;
        string Text() => Pick(["R-12", "tekun.basic-standard", "S0 一; N-57 Art.13", "financial 5000.00 ≤ 24 × 900.00", "quote \" and \\ slash", "line\nbreak", "id 320682195001010011 here", "<tag> & 'x'", string.Empty]);
        object? Value() => random.Next(8) switch
        {
            0 => null,
            1 => random.Next(0, 100000) / 100m,
            2 => random.Next(-5, 100),
            3 => random.Next(2) == 0,
            4 => Text(),
            5 => new[] { "Wage", Text() },
            6 => 1300.00m,
            _ => new DateOnly(2024, 1, 1),
        };
        var members = Enumerable.Range(0, random.Next(0, 4)).Select(i => new MemberAssessmentDto(
            i, Pick(Enum.GetValues<AssessmentOutcome>()), Maybe(random.Next(0, 100000) / 100m), random.Next(2) == 0,
            Maybe(1170.00m), Maybe(random.Next(0, 300) * 1m))).ToList();
        var trace = Enumerable.Range(0, random.Next(0, 15)).Select(_ => new TraceEntryDto(
            Text(), Text(), Text(), random.Next(2) == 0, Text(),
            Enumerable.Range(0, random.Next(0, 4)).Select(_ => new TraceParameterDto(
                Text(), Value(), Pick(["000000", "320682", "override"]), random.Next(3) == 0 ? null : new DateOnly(random.Next(2019, 2027), random.Next(1, 13), 1),
                Text(), Maybe(Pick(Enum.GetValues<ResidenceType>())))).ToList())).ToList();
        return new AssessmentResponse(
            Pick(["320682", "110000", "id 320682195001010011"]), new DateOnly(random.Next(2019, 2027), random.Next(1, 13), random.Next(1, 29)),
            Pick(Enum.GetValues<AssessmentOutcome>()), random.Next(0, 1000000) / 100m, Maybe(Pick(Enum.GetValues<DibaoClass>())),
            Maybe(Pick(Enum.GetValues<Stability>())), Maybe(random.Next(1, 121)), members, trace);
    }
}
