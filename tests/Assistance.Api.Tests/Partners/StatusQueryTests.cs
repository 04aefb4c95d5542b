namespace Assistance.Api.Tests.Partners;

using System.Net;
using System.Text.Json.Nodes;
using Assistance.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>POST /api/v1/status-queries: answers per item, no enumeration, limits, the asynchronous job, agency narrowing and audit.</summary>
public sealed class StatusQueryTests : ApiTestBase
{
    private List<PartnerTestData.Person> persons = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StatusQueries:SynchronousLimit"] = "50",
        ["StatusQueries:MaxBatch"] = "300",
        ["StatusQueries:PollIntervalMilliseconds"] = "20",
        ["Partners:RefuseUnregisteredAgencies"] = "true",
        ["Partners:Agencies:rugao-hospital:Scopes:0"] = "status.query",
        ["Partners:Agencies:rugao-hospital:Region"] = "320682",
        ["Partners:Agencies:rugao-hospital:PermitsPerMinute"] = "600000",
        ["Partners:Agencies:rugao-hospital:Burst"] = "100000",
        ["Partners:Agencies:national-insurance:Scopes:0"] = "status.query",
        ["Partners:Agencies:national-insurance:Region"] = "000000",
        ["Partners:Agencies:national-insurance:PermitsPerMinute"] = "600000",
        ["Partners:Agencies:national-insurance:Burst"] = "100000",
    };

    [OneTimeSetUp]
    public async Task LoadAsync()
    {
        Factory.Clock.Set(Factory.Clock.GetUtcNow().ToUniversalTime());
        await PartnerTestData.LoadAsync(Factory.ConnectionString, 150, Factory.Clock);
        persons = await PartnerTestData.ActivePersonsAsync(Factory.ConnectionString);
    }

    private HttpClient Hospital(string subject = "his-client") => Factory.ClientAs(subject, "320682", "rugao-hospital", "status.query");

    private static object Body(params (string Ref, string Id)[] items) => new { items = items.Select(i => new { referenceId = i.Ref, idNumber = i.Id }).ToArray() };

    [Test]
    public async Task KnownPerson_IsAnsweredWithProgrammeSinceAndRegion_AndNothingMore()
    {
        var person = persons.First(p => p.RegionCode.StartsWith("320682", StringComparison.Ordinal));
        var response = await Hospital().PostJsonAsync("/api/v1/status-queries", Body(("r-1", person.IdNumber)));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var answer = body["results"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer["referenceId"], Is.EqualTo("r-1"));
            Assert.That((bool?)answer["beneficiary"], Is.True);
            Assert.That((string?)answer["programmes"]![0]!["programme"], Is.EqualTo(person.Programme));
            Assert.That((string?)answer["programmes"]![0]!["since"], Is.EqualTo(person.StartMonth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That((string?)answer["programmes"]![0]!["regionCode"], Is.EqualTo(person.RegionCode));
            Assert.That(answer.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "referenceId", "beneficiary", "programmes" }));
            Assert.That(answer["programmes"]![0]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "programme", "since", "regionCode" }), "no amounts, no household");
        });
    }

    [Test]
    public async Task UnknownAndOutOfRegionNumbers_AreAnsweredExactlyAlike()
    {
        var outside = persons.First(p => !p.RegionCode.StartsWith("320682", StringComparison.Ordinal));
        var response = await Hospital().PostJsonAsync("/api/v1/status-queries", Body(("a", outside.IdNumber), ("b", PartnerTestData.UnknownIdNumber(1))));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var results = body["results"]!.AsArray();
        results[0]!["referenceId"] = "x";
        results[1]!["referenceId"] = "x";
        Assert.Multiple(() =>
        {
            Assert.That(results[0]!.ToJsonString(), Is.EqualTo(results[1]!.ToJsonString()));
            Assert.That((bool?)results[0]!["beneficiary"], Is.False);
            Assert.That(results[0]!["programmes"]!.AsArray(), Is.Empty);
        });

        // The same person is a beneficiary for a national partner: the hospital's answer came from its scope, not the data.
        var national = await (await Factory.ClientAs("nhsa", "000000", "national-insurance", "status.query")
            .PostJsonAsync("/api/v1/status-queries", Body(("a", outside.IdNumber)))).JsonAsync();
        Assert.That((bool?)national["results"]![0]!["beneficiary"], Is.True);
    }

    [Test]
    public async Task AFullSynchronousBatch_AnswersEveryItemInOrder()
    {
        var batch = persons.Take(40).Select((p, i) => ($"ref-{i}", p.IdNumber)).Concat(Enumerable.Range(0, 10).Select(i => ($"unknown-{i}", PartnerTestData.UnknownIdNumber(100 + i)))).ToArray();
        var response = await Factory.ClientAs("nhsa", "000000", "national-insurance", "status.query").PostJsonAsync("/api/v1/status-queries", Body(batch));
        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var results = body["results"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (string?)r!["referenceId"]), Is.EqualTo(batch.Select(b => b.Item1)));
            Assert.That(results.Take(40).Select(r => (bool?)r!["beneficiary"]), Is.All.True);
            Assert.That(results.Skip(40).Select(r => (bool?)r!["beneficiary"]), Is.All.False);
        });
    }

    [TestCase("{\"items\":[]}", "items")]
    [TestCase("{\"items\":[{\"referenceId\":\"a\",\"idNumber\":\"32068219850312123Y\"}]}", "items[0].idNumber")]
    [TestCase("{\"items\":[{\"referenceId\":\"a\",\"idNumber\":\"320682198503121230\"},{\"referenceId\":\"a\",\"idNumber\":\"320682198503121230\"}]}", "items")]
    [TestCase("{}", "items")]
    public async Task BadBatches_Are400NamingTheField(string json, string field)
    {
        var response = await Hospital().PostAsync(new Uri("/api/v1/status-queries", UriKind.Relative), Http.RawJson(json));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.Some.EqualTo(field).IgnoreCase, problem.ToJsonString());
    }

    [Test]
    public async Task ABatchAboveTheMaximum_Is400_AndStartsNoJob()
    {
        var batch = Enumerable.Range(0, 301).Select(i => ($"r{i}", PartnerTestData.UnknownIdNumber(i))).ToArray();
        var response = await Hospital().PostJsonAsync("/api/v1/status-queries", Body(batch));
        await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM status_query_jobs WHERE item_count = 301"), Is.Zero);
    }

    [Test]
    public async Task ALargerBatch_BecomesAJob_WhoseResultOnlyItsCallerCanRead()
    {
        var inRegion = persons.Where(p => p.RegionCode.StartsWith("320682", StringComparison.Ordinal)).Take(30).ToList();
        var outside = persons.Where(p => !p.RegionCode.StartsWith("320682", StringComparison.Ordinal)).Take(30).ToList();
        var batch = inRegion.Select((p, i) => ($"in-{i}", p.IdNumber))
            .Concat(outside.Select((p, i) => ($"out-{i}", p.IdNumber)))
            .Concat(Enumerable.Range(0, 60).Select(i => ($"unknown-{i}", PartnerTestData.UnknownIdNumber(200 + i)))).ToArray();
        var client = Hospital("batch-client");
        var response = await client.PostJsonAsync("/api/v1/status-queries", Body(batch));
        var accepted = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), accepted.ToJsonString());
        var location = response.Headers.GetValues("Operation-Location").Single();
        Assert.That(location, Is.EqualTo($"/api/v1/status-queries/{(string?)accepted["id"]}"));

        JsonNode job = accepted;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((string?)job["status"] != "Completed" && DateTime.UtcNow < deadline)
        {
            await Task.Yield();
            var poll = await client.GetAsync(new Uri(location, UriKind.Relative));
            job = await poll.JsonAsync();
            Assert.That(poll.StatusCode, Is.EqualTo(HttpStatusCode.OK), job.ToJsonString());
        }

        var results = job["results"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["status"], Is.EqualTo("Completed"));
            Assert.That((int?)job["itemCount"], Is.EqualTo(120));
            Assert.That(results.Select(r => (string?)r!["referenceId"]), Is.EqualTo(batch.Select(b => b.Item1)));
            Assert.That(results.Take(30).Select(r => (bool?)r!["beneficiary"]), Is.All.True);
            Assert.That(results.Skip(30).Select(r => (bool?)r!["beneficiary"]), Is.All.False, "out of region and unknown alike");
        });

        var other = await Hospital("someone-else").GetAsync(new Uri(location, UriKind.Relative));
        await other.ProblemAsync(HttpStatusCode.NotFound, "status-query-job.not-found");
    }

    [Test]
    public async Task PartnerCalls_AreAuditedWithTheAgency_AsCountsWithoutIdNumbers()
    {
        var person = persons[0];
        var response = await Factory.ClientAs("audit-client", "000000", "national-insurance", "status.query")
            .PostJsonAsync("/api/v1/status-queries", Body(("a", person.IdNumber), ("b", PartnerTestData.UnknownIdNumber(7)), ("c", PartnerTestData.UnknownIdNumber(8))));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('assistance.region_prefix', '*', true)", transaction: tx);
        var rows = (await connection.QueryAsync<(string Agency, string EntityId, string Action, string After)>(
            "SELECT agency, entity_id, action, after::text FROM audit_events WHERE entity_type = 'PartnerCall' AND actor = 'audit-client'", transaction: tx)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0].Agency, Is.EqualTo("national-insurance"));
            Assert.That(rows[0].Action, Is.EqualTo("POST"));
            Assert.That(rows[0].EntityId, Does.Contain("status-queries"));
            Assert.That(JsonNode.Parse(rows[0].After)!["itemCount"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(JsonNode.Parse(rows[0].After)!["status"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(rows[0].After, Does.Not.Contain(person.IdNumber));
        });
    }

    [Test]
    public async Task TheStatusLookup_CommitsThePartnersAuditRowWithItsAnswer_AndTheCallIsNotRecordedTwice()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<Assistance.Infrastructure.Partners.PartnerCallAudit>();
        var lookup = scope.ServiceProvider.GetRequiredService<Application.StatusQueries.IBeneficiaryStatusLookup>();
        using var job = Assistance.Application.Abstractions.SystemCaller.Enter("batch-audit-test"); // a national caller without an HTTP request
        audit.Begin(new Assistance.Infrastructure.Partners.PartnerCall("lookup-audit-client", "national-insurance", "000000", "*", "POST", "/api/v1/status-queries/", 0, null, null));

        var answers = await lookup.AnswerAsync(
            Assistance.Application.Abstractions.RegionScope.Of(Assistance.Domain.Regions.RegionCode.National),
            [new Assistance.Application.StatusQueries.StatusQueryItem("a", persons[0].IdNumber), new Assistance.Application.StatusQueries.StatusQueryItem("b", PartnerTestData.UnknownIdNumber(9))],
            CancellationToken.None);
        // Read on another connection before the call is "over": the row is there already, committed with the answer.
        var afterLookup = await PartnerCallRowsAsync("lookup-audit-client");
        await audit.RecordAsync(200, 2, CancellationToken.None);
        var afterResponse = await PartnerCallRowsAsync("lookup-audit-client");
        await audit.RecordAsync(500, 2, CancellationToken.None);
        var afterFailure = await PartnerCallRowsAsync("lookup-audit-client");

        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => a.Beneficiary), Is.EqualTo(new[] { true, false }));
            Assert.That(audit.RecordedStatus, Is.EqualTo(500));
            Assert.That(afterLookup, Is.EqualTo(new (int, int?)[] { (200, 2) }));
            Assert.That(afterResponse, Is.EqualTo(new (int, int?)[] { (200, 2) }), "the response's own status was recorded already: no second row");
            Assert.That(afterFailure, Is.EquivalentTo(new (int, int?)[] { (200, 2), (500, 2) }), "a status that changed after the answer is recorded as well");
        });
    }

    [Test]
    public async Task AnAuditRowThatCannotBeWritten_FailsTheLookup_AndLeavesTheCallUnrecorded()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<Assistance.Infrastructure.Partners.PartnerCallAudit>();
        var lookup = scope.ServiceProvider.GetRequiredService<Assistance.Application.StatusQueries.IBeneficiaryStatusLookup>();
        using var job = Assistance.Application.Abstractions.SystemCaller.Enter("batch-audit-test");
        // A region code longer than the column allows: the INSERT fails, and with it the whole batch.
        audit.Begin(new Assistance.Infrastructure.Partners.PartnerCall("unwritable-client", "national-insurance", "0000000000000", "*", "POST", "/x", 0, null, null));

        Assert.ThrowsAsync(Is.InstanceOf<PostgresException>().With.Property(nameof(PostgresException.SqlState)).EqualTo("22001"), () => lookup.AnswerAsync(
            Assistance.Application.Abstractions.RegionScope.Of(Assistance.Domain.Regions.RegionCode.National),
            [new Assistance.Application.StatusQueries.StatusQueryItem("a", persons[0].IdNumber)],
            CancellationToken.None));
        var rows = await PartnerCallRowsAsync("unwritable-client");
        Assert.Multiple(() =>
        {
            Assert.That(audit.RecordedStatus, Is.Null, "rolled back with the batch: still to be recorded after the response");
            Assert.That(rows, Is.Empty);
        });
    }

    [TestCase(false, true)]
    [TestCase(true, false)]
    public void TheAuditRowOfARead_CommitsAsynchronously_UnlessConfiguredSynchronous(bool synchronous, bool expectAsynchronousSetting)
    {
        var audit = new Assistance.Infrastructure.Partners.PartnerCallAudit(
            Factory.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), TimeProvider.System,
            new Assistance.Infrastructure.Partners.PartnerAuditSettings { SynchronousCommit = synchronous });
        using var batch = new NpgsqlBatch();
        Assert.That(audit.TryAppendTo(batch, 200, 1), Is.False, "no partner call named: nothing to append");
        audit.Begin(new Assistance.Infrastructure.Partners.PartnerCall("c", "a", "000000", "*", "POST", "/x", 0, null, null));

        Assert.Multiple(() =>
        {
            Assert.That(audit.TryAppendTo(batch, 200, 1), Is.True);
            Assert.That(audit.TryAppendTo(batch, 200, 1), Is.False, "taken once");
            Assert.That(batch.BatchCommands.Cast<NpgsqlBatchCommand>().Any(c => c.CommandText.Contains("'synchronous_commit', 'off'", StringComparison.Ordinal)), Is.EqualTo(expectAsynchronousSetting));
            Assert.That(batch.BatchCommands[^1].CommandText, Does.Contain("INSERT INTO audit_events"));
        });
    }

    [Test]
    public async Task ARefusedStatusQuery_IsAuditedOnceWithItsStatus()
    {
        var response = await Factory.ClientAs("refused-client", "000000", "national-insurance", "status.query")
            .PostJsonAsync("/api/v1/status-queries", Body(("a", "not-an-id-number")));
        await response.ProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        Assert.That(await PartnerCallRowsAsync("refused-client"), Is.EqualTo(new (int, int?)[] { (400, null) }), "refused before the endpoint read the batch: no item count");
    }

    private async Task<List<(int Status, int? ItemCount)>> PartnerCallRowsAsync(string actor)
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('assistance.region_prefix', '*', true)", transaction: tx);
        return (await connection.QueryAsync<(int, int?)>(
            "SELECT (after->>'status')::int, (after->>'itemCount')::int FROM audit_events WHERE entity_type = 'PartnerCall' AND actor = @actor ORDER BY occurred_at, id",
            new { actor }, transaction: tx)).ToList();
    }

    [Test]
    public async Task AnAgencyToken_IsNarrowedToTheAgencysScopesAndRegion()
    {
        // cases.read is not among the hospital's scopes: dropped, so 403 naming it.
        var narrowed = await Factory.ClientAs("his", "320682", "rugao-hospital", "status.query", "cases.read").GetAsync(new Uri("/api/v1/enrolments", UriKind.Relative));
        await narrowed.ProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        // A region outside the agency's, or an agency nobody registered: the token is refused.
        var outside = await Factory.ClientAs("his", "610100", "rugao-hospital", "status.query").PostJsonAsync("/api/v1/status-queries", Body(("a", persons[0].IdNumber)));
        Assert.That(outside.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var unknown = await Factory.ClientAs("his", "320682", "unknown-agency", "status.query").PostJsonAsync("/api/v1/status-queries", Body(("a", persons[0].IdNumber)));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
