namespace Assistance.Api.Tests.Infrastructure;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

public static class Http
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new AssertionException($"Empty body (status {(int)response.StatusCode}).");
    }

    /// <summary>Asserts a problem+json response with this status and code, and returns it.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonNode.Parse(text)!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["code"], Is.EqualTo(code), text);
            Assert.That((int?)problem["status"], Is.EqualTo((int)status));
            Assert.That((string?)problem["traceId"], Is.Not.Null.And.Not.Empty);
            Assert.That((string?)problem["title"], Is.Not.Null.And.Not.Empty);
            Assert.That(text, Does.Not.Contain("   at "), "no stack trace in a problem");
        });
        return problem;
    }

    public static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, string? idempotencyKey = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Options) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body, string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = body is JsonNode node ? RawJson(node.ToJsonString()) : JsonContent.Create(body, options: Options);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
