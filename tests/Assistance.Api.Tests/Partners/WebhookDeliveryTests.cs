namespace Assistance.Api.Tests.Partners;

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Infrastructure.Partners;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// Events from the outbox reach a real HTTP receiver that is down for a while and fails a share of deliveries: every
/// event arrives, signatures verify, duplicates carry the same event id and body, a dead receiver's deliveries are
/// dead-lettered after the configured attempts and can be redelivered, an API restart mid-way loses nothing, and order
/// is kept per household. Passes are driven directly and the clock is moved by hand (no sleeps).
/// </summary>
[NonParallelizable]
public sealed class WebhookDeliveryTests
{
    private const int MaxAttempts = 6;
    private string connectionString = null!;
#pragma warning disable NUnit1032 // replaced by the restart test; the current one is disposed in OneTimeTearDown
    private ApiFactory factory = null!;
#pragma warning restore NUnit1032

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Partners:Delivery:PollIntervalMilliseconds"] = "0",
        ["Partners:Delivery:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Partners:Delivery:InPassRetries"] = "1",
        ["Partners:Delivery:InPassDelayMilliseconds"] = "1",
        ["Partners:Delivery:BackoffSeconds"] = "60",
        ["Partners:Delivery:MaxBackoffSeconds"] = "600",
        ["Partners:Delivery:LeaseSeconds"] = "300",
        ["Partners:Delivery:AttemptTimeoutSeconds"] = "5",
        ["Partners:Agencies:nhsa:Scopes:0"] = "subscriptions.read",
        ["Partners:Agencies:nhsa:Scopes:1"] = "subscriptions.write",
        ["Partners:Agencies:nhsa:Region"] = "000000",
        ["Partners:Agencies:nhsa:PermitsPerMinute"] = "600000",
        ["Partners:Agencies:nhsa:Burst"] = "100000",
    };

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        connectionString = await TestDatabase.CreateAsync();
        factory = NewFactory();
        await PartnerTestData.LoadAsync(connectionString, 30, factory.Clock);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await factory.DisposeAsync();

    private ApiFactory NewFactory()
    {
        var created = new ApiFactory(connectionString, Settings);
        _ = created.Server;
        created.Clock.Set(created.Clock.GetUtcNow().ToUniversalTime());
        return created;
    }

    private HttpClient Partner() => factory.ClientAs("nhsa-client", "000000", "nhsa", "subscriptions.read", "subscriptions.write");

    private HttpClient Staff() => factory.ClientWith("000000", [.. Assistance.Api.Security.Scopes.All]);

    private async Task<(Guid Id, string Secret)> SubscribeAsync(string url, params string[] types)
    {
        var response = await Partner().PostJsonAsync("/api/v1/subscriptions", new { callbackUrl = url, eventTypes = types });
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        return (Guid.Parse((string)body["subscription"]!["id"]!), (string)body["secret"]!);
    }

    private async Task<int> PassAsync()
    {
        factory.Clock.Advance(TimeSpan.FromHours(1));
        return await factory.Services.GetRequiredService<WebhookDeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }

    private async Task EndEnrolmentAsync(Guid enrolmentId)
    {
        var staff = Staff();
        var get = await staff.GetAsync(new Uri($"/api/v1/enrolments/{enrolmentId}", UriKind.Relative));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var response = await staff.PostJsonAsync($"/api/v1/enrolments/{enrolmentId}/status", new { action = "End", reason = "Moved away (test)." }, Guid.NewGuid().ToString(), get.Headers.ETag!.Tag);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<T> OwnerScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('assistance.region_prefix', '*', true)", transaction: tx);
        return await connection.ExecuteScalarAsync<T>(sql, parameters, tx) ?? throw new AssertionException("no value");
    }

    private static bool Verifies(WebhookReceiver.Received r, string secret) =>
        r.Signature == "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(r.Timestamp + "." + r.Body)));

    [Test]
    public async Task EveryEventArrives_SignedAndDeDuplicable_DeadLettersAfterTheAttempts_AndARestartLosesNothing()
    {
        await using var receiver = new WebhookReceiver();
        await using var broken = new WebhookReceiver();
        // A share of deliveries fail: every third event is answered 500 the first time it arrives (received, so the
        // retry is a duplicate the receiver must recognise by its event id).
        var arrival = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        receiver.Policy = (eventId, before) => before == 0 && arrival.GetOrAdd(eventId, _ => arrival.Count) % 3 == 0 ? 500 : 200;
        broken.Policy = (_, _) => 500;
        await broken.StartAsync();
        var (good, secret) = await SubscribeAsync(receiver.Url, "EnrolmentEnded", "EnrolmentStarted");
        var (dead, _) = await SubscribeAsync(broken.Url, "EnrolmentEnded");

        // The receiver is down while the changes happen: the requests that cause the events do not wait for it.
        var enrolments = (await PartnerTestData.ActivePersonsAsync(connectionString)).Select(p => p.EnrolmentId).Distinct().Take(12).ToList();
        foreach (var id in enrolments)
        {
            await EndEnrolmentAsync(id);
        }

        var eventIds = (await OwnerListAsync<Guid>("SELECT id FROM outbox_events WHERE type = 'EnrolmentEnded'")).ToHashSet();
        Assert.That(eventIds, Has.Count.EqualTo(12), "one outbox event per ended enrolment, written with the change");

        Assert.That(await PassAsync(), Is.EqualTo(24), "both subscriptions' deliveries are claimed");
        Assert.That(receiver.Requests, Is.Empty, "nobody listening yet");

        // The API restarts mid-way: a new host on the same database picks up the persisted attempt state.
        var now = factory.Clock.GetUtcNow();
        await factory.DisposeAsync();
        factory = NewFactory();
        factory.Clock.Set(now);
        await receiver.StartAsync();

        for (var pass = 0; pass < 10 && await OwnerScalarAsync<long>("SELECT count(*) FROM outbox_deliveries WHERE status = 'Pending'") > 0; pass++)
        {
            await PassAsync();
        }

        var received = receiver.Requests.ToList();
        var delivered = received.Where(r => r.AnsweredStatus == 200).Select(r => Guid.Parse(r.EventId)).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(delivered, Is.EquivalentTo(eventIds), "every event delivered");
            Assert.That(received.Select(r => Verifies(r, secret)), Is.All.True, "signatures verify");
            Assert.That(received.GroupBy(r => r.EventId).Select(g => g.Select(r => JsonNode.Parse(r.Body)!["eventId"]!.ToString()).Distinct().Single()),
                Is.EqualTo(received.GroupBy(r => r.EventId).Select(g => g.Key)), "a duplicate carries the same event id in header and body");
            Assert.That(received.Count, Is.GreaterThan(delivered.Count), "some deliveries were retried (the receiver saw duplicates)");
            Assert.That(received.Select(r => (string?)JsonNode.Parse(r.Body)!["type"]), Is.All.EqualTo("EnrolmentEnded"));
        });
        var sample = JsonNode.Parse(received[0].Body)!;
        Assert.That(sample["data"]!["persons"]!.AsArray(), Is.Not.Empty);
        Assert.That((string?)sample["data"]!["endedOn"], Is.Not.Null);

        // The broken receiver's deliveries are dead letters after the configured attempts.
        var deadResponse = await Partner().GetAsync(new Uri($"/api/v1/subscriptions/{dead}/dead-letters?limit=200", UriKind.Relative));
        var deadLetters = await deadResponse.JsonAsync();
        Assert.That(deadResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), deadLetters.ToJsonString());
        var letters = deadLetters.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(letters, Has.Count.EqualTo(12));
            Assert.That(letters.Select(l => (int?)l!["attempts"]), Is.All.EqualTo(MaxAttempts));
            Assert.That(letters.Select(l => (string?)l!["lastError"]), Is.All.EqualTo("HTTP 500"));
            Assert.That(broken.Requests, Has.Count.EqualTo(12 * MaxAttempts));
        });

        // The partner fixes its receiver and asks for one again: it arrives with its original event id.
        broken.Policy = (_, _) => 204;
        var letter = letters[0]!;
        var redeliver = await Partner().PostAsync(new Uri($"/api/v1/subscriptions/{dead}/dead-letters/{(string)letter["eventId"]!}/redeliver", UriKind.Relative), null);
        Assert.That(redeliver.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await PassAsync();
        Assert.That(broken.Requests.Last().EventId, Is.EqualTo((string?)letter["eventId"]));
        Assert.That(broken.Requests.Last().AnsweredStatus, Is.EqualTo(204));
        var after = (await (await Partner().GetAsync(new Uri($"/api/v1/subscriptions/{dead}/dead-letters?limit=200", UriKind.Relative))).JsonAsync()).AsArray();
        Assert.That(after, Has.Count.EqualTo(11));
        var again = await Partner().PostAsync(new Uri($"/api/v1/subscriptions/{dead}/dead-letters/{(string)letter["eventId"]!}/redeliver", UriKind.Relative), null);
        await again.ProblemAsync(HttpStatusCode.NotFound, "dead-letter.not-found");
        Assert.That(good, Is.Not.EqualTo(dead));
    }

    [Test]
    public async Task EventsOfOneHousehold_ArriveInOrder_EvenWhenTheFirstFails()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (subscription, _) = await SubscribeAsync(receiver.Url, "AmountChanged");
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };
        // The first event fails twice; the later ones of the same household must wait for it.
        receiver.Policy = (eventId, before) => eventId == ids[0].ToString() && before < 3 ? 503 : 200;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("SELECT set_config('assistance.region_prefix', '*', true)", transaction: tx);
            var now = factory.Clock.GetUtcNow();
            foreach (var (id, index) in ids.Select((id, i) => (id, i)))
            {
                await connection.ExecuteAsync(
                    """
                    WITH e AS (INSERT INTO outbox_events (id, type, region_code, order_key, occurred_at, data)
                               VALUES (@id, 'AmountChanged', '320682001', 'household:ordered', @now, jsonb_build_object('n', @index)) RETURNING id, seq)
                    INSERT INTO outbox_deliveries (event_id, event_seq, subscription_id, order_key, status, next_attempt_at, created_at)
                    SELECT e.id, e.seq, @subscription, 'household:ordered', 'Pending', @now, @now FROM e
                    """, new { id, now, index, subscription }, tx);
            }

            await tx.CommitAsync();
        }

        for (var pass = 0; pass < 6 && receiver.Requests.Count(r => r.AnsweredStatus == 200) < 3; pass++)
        {
            await PassAsync();
        }

        var order = receiver.Requests.Select(r => r.EventId).ToList();
        var firstSuccess = receiver.Requests.ToList().FindIndex(r => r.EventId == ids[0].ToString() && r.AnsweredStatus == 200);
        Assert.Multiple(() =>
        {
            Assert.That(receiver.Requests.Where(r => r.AnsweredStatus == 200).Select(r => r.EventId), Is.EqualTo(ids.Select(i => i.ToString())), "delivered in order");
            Assert.That(order.Take(firstSuccess + 1), Is.All.EqualTo(ids[0].ToString()), "nothing later was sent before the first arrived");
        });
    }

    [Test]
    public async Task TheMonthlyMedicalInsuranceFeed_GoesThroughTheOutbox_OncePerMonthAndRegion()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (_, secret) = await SubscribeAsync(receiver.Url, "MonthlyMedicalInsuranceFeed");
        var month = await OwnerScalarAsync<string>("SELECT to_char(start_month, 'YYYY-MM') FROM enrolments GROUP BY start_month ORDER BY count(*) DESC LIMIT 1");
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var started = await OwnerScalarAsync<long>(
            "SELECT count(*) FROM enrolments e JOIN enrolment_persons p ON p.enrolment_id = e.id WHERE e.start_month = @first", new { first });
        var ended = await OwnerScalarAsync<long>(
            "SELECT count(*) FROM enrolments e JOIN enrolment_persons p ON p.enrolment_id = e.id WHERE e.ended_on >= @first AND e.ended_on < @next",
            new { first, next = first.AddMonths(1) });

        var result = await ProduceFeedAsync(month);
        Assert.Multiple(() =>
        {
            Assert.That(result.Produced, Is.True);
            Assert.That(result.Added, Is.EqualTo(started).And.GreaterThan(0));
            Assert.That(result.Removed, Is.EqualTo(ended));
        });
        Assert.That((await ProduceFeedAsync(month)).Produced, Is.False, "a repeated run for the same month and region adds nothing");

        await PassAsync();
        await PassAsync();
        var feeds = receiver.Requests.ToList();
        Assert.That(feeds, Has.Count.EqualTo(1));
        var body = JsonNode.Parse(feeds[0].Body)!;
        Assert.Multiple(() =>
        {
            Assert.That(Verifies(feeds[0], secret), Is.True);
            Assert.That((string?)body["type"], Is.EqualTo("MonthlyMedicalInsuranceFeed"));
            Assert.That((string?)body["eventId"], Is.EqualTo(result.EventId.ToString()));
            Assert.That((string?)body["data"]!["month"], Is.EqualTo(month));
            Assert.That(body["data"]!["added"]!.AsArray(), Has.Count.EqualTo(started));
            Assert.That(body["data"]!["removed"]!.AsArray(), Has.Count.EqualTo(ended));
            Assert.That(body["data"]!["added"]![0]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "idNumber", "programme", "regionCode", "since" }));
        });
    }

    /// <summary>Sends the feed command as the scheduler would: a national system caller in its own DI scope.</summary>
    private async Task<Assistance.Application.MedicalInsurance.MedicalInsuranceFeedDto> ProduceFeedAsync(string month)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim("sub", "scheduler:medical-insurance-feed"), new System.Security.Claims.Claim("region", "000000")], "system")),
        };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<Assistance.Application.Abstractions.ISender>().Send(
                new Assistance.Application.MedicalInsurance.ProduceMonthlyMedicalInsuranceFeed.ProduceMonthlyMedicalInsuranceFeedCommand(month, null), CancellationToken.None);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private async Task<List<T>> OwnerListAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('assistance.region_prefix', '*', true)", transaction: tx);
        return (await connection.QueryAsync<T>(sql, transaction: tx)).ToList();
    }
}
