// Loads N synthetic households with their members and incomes twice into an empty register, in one run:
//   1. through the import path: POST /api/v1/household-imports with the NDJSON body (API already running);
//   2. as a raw binary COPY of the same rows into households, household_members and member_incomes (superuser,
//      one transaction, no validation, no row-level security).
// Prints both times and the ratio raw/import (1.0 = the import is as fast as the raw COPY).
//
//   dotnet run -c Release --project benchmarks/Assistance.ImportBenchmark -- <households> <apiBaseUrl> <token> <superuserConnectionString>
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Assistance.Domain.Households;
using Npgsql;
using NpgsqlTypes;

var count = int.Parse(args[0], CultureInfo.InvariantCulture);
var api = new Uri(args[1]);
var token = args[2];
var connectionString = args[3];

await using var dataSource = NpgsqlDataSource.Create(connectionString);
var regions = new List<string>();
await using (var command = dataSource.CreateCommand("SELECT code FROM regions WHERE length(code) = 9 ORDER BY code"))
await using (var reader = await command.ExecuteReaderAsync())
{
    while (await reader.ReadAsync())
    {
        regions.Add(reader.GetString(0));
    }
}

var households = Synthetic.Generate(count, regions);
var members = households.Sum(h => h.Members.Length);
var incomes = households.Sum(h => h.Members.Count(m => m.Income is not null));
var file = Path.Combine(Path.GetTempPath(), $"assistance-import-bench-{count}.ndjson");
await Synthetic.WriteNdjsonAsync(households, file);
Console.WriteLine($"households {count}, members {members}, incomes {incomes}, body {new FileInfo(file).Length / 1048576.0:F1} MiB, regions {regions.Count}");

await EmptyAsync(dataSource);
var importTime = Stopwatch.StartNew();
using (var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromHours(2) })
{
    await using var body = File.OpenRead(file);
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/household-imports") { Content = new StreamContent(body, 1 << 16) };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    importTime.Stop();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"import failed: {(int)response.StatusCode} {text[..Math.Min(text.Length, 2000)]}");
    }

    using var result = JsonDocument.Parse(text);
    var written = (result.RootElement.GetProperty("households").GetInt32(), result.RootElement.GetProperty("members").GetInt32(), result.RootElement.GetProperty("incomes").GetInt32());
    if (written != (count, members, incomes))
    {
        throw new InvalidOperationException($"import wrote {written}, expected {(count, members, incomes)}");
    }
}

await EmptyAsync(dataSource);
var copyTime = Stopwatch.StartNew();
await Synthetic.CopyAsync(dataSource, households);
copyTime.Stop();
await using (var check = dataSource.CreateCommand("SELECT (SELECT count(*) FROM households), (SELECT count(*) FROM household_members), (SELECT count(*) FROM member_incomes)"))
await using (var reader = await check.ExecuteReaderAsync())
{
    await reader.ReadAsync();
    Console.WriteLine($"raw COPY rows: {reader.GetInt64(0)} / {reader.GetInt64(1)} / {reader.GetInt64(2)}");
}

File.Delete(file);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"import path: {importTime.Elapsed.TotalSeconds:F1} s ({count / importTime.Elapsed.TotalSeconds:F0} households/s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"raw binary COPY: {copyTime.Elapsed.TotalSeconds:F1} s ({count / copyTime.Elapsed.TotalSeconds:F0} households/s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (raw time / import time): {copyTime.Elapsed.TotalSeconds / importTime.Elapsed.TotalSeconds:F2}"));

static async Task EmptyAsync(NpgsqlDataSource dataSource)
{
    await using var command = dataSource.CreateCommand("TRUNCATE member_incomes, household_members, households CASCADE; CHECKPOINT;");
    command.CommandTimeout = 0;
    await command.ExecuteNonQueryAsync();
    await using var vacuum = dataSource.CreateCommand("VACUUM ANALYZE households, household_members, member_incomes");
    vacuum.CommandTimeout = 0;
    await vacuum.ExecuteNonQueryAsync();
}

internal sealed record SyntheticMember(Guid Id, string IdNumber, string Name, string Relationship, DateOnly BirthDate, string Sex, decimal? Income);

internal sealed record SyntheticHousehold(Guid Id, string Region, string Residence, string Address, decimal Financial, SyntheticMember[] Members);

internal static class Synthetic
{
    private static readonly string[] Relationships = ["Head", "Spouse", "Child", "Child"];

    /// <summary>1 to 4 members (2.5 on average), a wage on about a third of them; distinct valid ID numbers.</summary>
    public static List<SyntheticHousehold> Generate(int count, IReadOnlyList<string> regions)
    {
        var random = new Random(14);
        var start = new DateOnly(1935, 1, 1);
        var person = 0L;
        var list = new List<SyntheticHousehold>(count);
        for (var h = 0; h < count; h++)
        {
            var region = regions[h % regions.Count];
            var size = 1 + (h % 4);
            var members = new SyntheticMember[size];
            for (var m = 0; m < size; m++)
            {
                var k = person++;
                var birth = start.AddDays((int)(k / 1000 % 27000));
                var sequence = (int)(k % 1000);
                var first17 = string.Create(CultureInfo.InvariantCulture, $"{region[..6]}{birth:yyyyMMdd}{sequence:D3}");
                var id = first17 + NationalId.CheckCharacterFor(first17);
                var parsed = NationalId.Parse(id);
                members[m] = new SyntheticMember(Guid.CreateVersion7(), id, $"成员{k % 10000}", Relationships[m], parsed.BirthDate, parsed.Sex.ToString(),
                    random.Next(3) == 0 ? Math.Round((decimal)random.Next(0, 500000) / 100, 2) : null);
            }

            list.Add(new SyntheticHousehold(Guid.CreateVersion7(), region, h % 2 == 0 ? "Urban" : "Rural", $"测试路{h}号", Math.Round((decimal)random.Next(0, 10000000) / 100, 2), members));
        }

        return list;
    }

    public static async Task WriteNdjsonAsync(List<SyntheticHousehold> households, string path)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var h in households)
        {
            json.WriteStartObject();
            json.WriteString("regionCode", h.Region);
            json.WriteString("residence", h.Residence);
            json.WriteString("address", h.Address);
            json.WriteStartObject("assets");
            json.WriteNumber("financial", h.Financial);
            json.WriteNumber("motorVehicles", 0);
            json.WriteEndObject();
            json.WriteStartArray("members");
            foreach (var m in h.Members)
            {
                json.WriteStartObject();
                json.WriteString("idNumber", m.IdNumber);
                json.WriteString("name", m.Name);
                json.WriteString("relationship", m.Relationship);
                if (m.Income is { } income)
                {
                    json.WriteStartArray("incomes");
                    json.WriteStartObject();
                    json.WriteString("type", "Wage");
                    json.WriteNumber("monthlyAmount", income);
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync();
            json.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>The same rows as the import writes (defaults included), by binary COPY, one transaction.</summary>
    public static async Task CopyAsync(NpgsqlDataSource dataSource, List<SyntheticHousehold> households)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTime.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY households (id, region_code, residence, address, financial_assets, motor_vehicles, monthly_rigid_expenditure, version, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var h in households)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(h.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(h.Region, NpgsqlDbType.Varchar);
                await copy.WriteAsync(h.Residence, NpgsqlDbType.Text);
                await copy.WriteAsync(h.Address, NpgsqlDbType.Text);
                await copy.WriteAsync(h.Financial, NpgsqlDbType.Numeric);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(0m, NpgsqlDbType.Numeric);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY household_members (id, household_id, region_code, position, id_number, name, relationship, birth_date, sex, status, labor_capacity, disability_category, disability_grade, serious_illness, self_care, in_school, employed, has_capable_supporter) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var h in households)
            {
                for (var p = 0; p < h.Members.Length; p++)
                {
                    var m = h.Members[p];
                    await copy.StartRowAsync();
                    await copy.WriteAsync(m.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(h.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(h.Region, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(p, NpgsqlDbType.Integer);
                    await copy.WriteAsync(m.IdNumber, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(m.Name, NpgsqlDbType.Text);
                    await copy.WriteAsync(m.Relationship, NpgsqlDbType.Text);
                    await copy.WriteAsync(m.BirthDate, NpgsqlDbType.Date);
                    await copy.WriteAsync(m.Sex, NpgsqlDbType.Text);
                    await copy.WriteAsync("Present", NpgsqlDbType.Text);
                    await copy.WriteAsync("Full", NpgsqlDbType.Text);
                    await copy.WriteNullAsync();
                    await copy.WriteNullAsync();
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                    await copy.WriteAsync("SelfCare", NpgsqlDbType.Text);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                }
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY member_incomes (member_id, region_code, position, income_type, monthly_amount, unstable) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var h in households)
            {
                foreach (var m in h.Members.Where(m => m.Income is not null))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(m.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(h.Region, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer);
                    await copy.WriteAsync("Wage", NpgsqlDbType.Text);
                    await copy.WriteAsync(m.Income!.Value, NpgsqlDbType.Numeric);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                }
            }

            await copy.CompleteAsync();
        }

        await transaction.CommitAsync();
    }
}
