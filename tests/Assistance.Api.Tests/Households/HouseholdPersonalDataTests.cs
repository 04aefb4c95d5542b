namespace Assistance.Api.Tests.Households;

using System.Collections.Concurrent;
using System.Net;
using Assistance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Assistance.Api.Tests.Households.HouseholdTestData;

/// <summary>National ID numbers never reach the logs, whatever the request does (api.md personal data).</summary>
public sealed class HouseholdPersonalDataTests : ApiTestBase
{
    [Test]
    public async Task HouseholdRequests_SuccessfulAndRejected_LogNoRawIdNumber()
    {
        var sink = new LogSink();
        await using var factory = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(sink)));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = Factory.ClientWith("320682", "registry.read", "registry.write", "pii.read").DefaultRequestHeaders.Authorization;

        var idNumber = NewIdNumber();
        var other = NewIdNumber();
        var (created, etag) = await CreateAsync(client, Household("320682001", Member(idNumber), Member(other, "李四", "Child")));
        await (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320682002", Member(idNumber))))
            .ProblemAsync(HttpStatusCode.Conflict, "household.member-in-other-household");
        await (await client.PostJsonAsync("/api/v1/households/lookup", new { idNumber })).JsonAsync();
        var wrongCheck = idNumber[..17] + (idNumber[17] == '1' ? '2' : '1');
        await (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/households", Household("320682001", Member(wrongCheck))))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var body = created.DeepClone().AsObject();
        body["members"]!.AsArray().Add(Member(other, "重复", "Other"));
        await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{created["id"]}", body, ifMatch: etag))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        Assert.That(sink.Lines, Is.Not.Empty, "the sink captured the request logs");
        Assert.That(sink.Lines.Where(l => l.Contains(idNumber, StringComparison.Ordinal) || l.Contains(other, StringComparison.Ordinal)
                                         || l.Contains(wrongCheck, StringComparison.Ordinal)), Is.Empty);
    }

    private sealed class LogSink : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            Lines.Enqueue("scope " + state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception) + " " + exception);
    }
}
