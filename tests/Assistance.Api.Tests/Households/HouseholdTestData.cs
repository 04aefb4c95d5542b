namespace Assistance.Api.Tests.Households;

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Domain.Households;
using Npgsql;

/// <summary>Valid, distinct ID numbers and household bodies for the household tests.</summary>
public static class HouseholdTestData
{
    private static int counter;

    /// <summary>A fresh valid ID number (distinct within the test run).</summary>
    public static string NewIdNumber(string addressCode = "320682", bool male = true, DateOnly? birth = null)
    {
        var n = Interlocked.Increment(ref counter);
        var birthDate = birth ?? new DateOnly(1940, 1, 1).AddDays(n * 37 % 25000);
        var sequence = ((n % 499) * 2) + (male ? 1 : 0);
        var first17 = addressCode + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + NationalId.CheckCharacterFor(first17);
    }

    /// <summary>A fresh valid ID number whose check character is X.</summary>
    public static string NewIdNumberEndingInX()
    {
        while (true)
        {
            var id = NewIdNumber();
            if (id.EndsWith('X'))
            {
                return id;
            }
        }
    }

    public static string Masked(string idNumber) => idNumber[..6] + "********" + idNumber[14..];

    public static JsonObject Member(string idNumber, string name = "张三", string relationship = "Head") =>
        new() { ["idNumber"] = idNumber, ["name"] = name, ["relationship"] = relationship };

    public static JsonObject Household(string regionCode, params JsonObject[] members) =>
        new()
        {
            ["regionCode"] = regionCode,
            ["residence"] = "Urban",
            ["address"] = "如皋市如城街道福寿路18号",
            ["members"] = new JsonArray([.. members]),
        };

    /// <summary>A one-member household in the region with a fresh ID number.</summary>
    public static JsonObject SimpleHousehold(string regionCode = "320682001") => Household(regionCode, Member(NewIdNumber()));

    public static async Task<(JsonNode Body, string ETag)> CreateAsync(HttpClient client, JsonObject body, string? idempotencyKey = null)
    {
        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/households", body, idempotencyKey: idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return (JsonNode.Parse(text)!, response.Headers.ETag!.ToString());
    }

    public static async Task<long> CountAsync(ApiFactory factory, string table)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Row counts of every table a household change touches: nothing may change after a rejected request.</summary>
    public static async Task<(long Households, long Members, long Incomes, long Audit)> CountAllAsync(ApiFactory factory) =>
        (await CountAsync(factory, "households"), await CountAsync(factory, "household_members"),
         await CountAsync(factory, "member_incomes"), await CountAsync(factory, "audit_events"));

    public static Uri Url(string path) => new(path, UriKind.Relative);
}
