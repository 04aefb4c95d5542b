namespace Assistance.Api.Tests.EarlyWarning;

using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Households;
using Dapper;
using Npgsql;
using static Assistance.Api.Tests.EarlyWarning.EarlyWarningCases;

/// <summary>
/// Each early-warning rule through the API: the daily run (POST /jobs/alert-rules/runs) raises its alert once, keeps it
/// while the condition holds (never a second alert), and clears it when the condition ends. Each test works on its
/// own days so the runs (idempotent per day) do not meet.
/// </summary>
public sealed class AlertRuleTests : ApiTestBase
{
    [Test]
    public async Task ZeroEmployment_RaisesOnce_KeepsItWhileNobodyWorks_AndClearsWhenAMemberFindsWork()
    {
        var idle = Household("320682001", Programme.Dibao, [Person("320682", new(1985, 4, 1)), Person("320682", new(2016, 5, 1), Relationship.Child, capacity: LaborCapacity.None)]);
        var working = Household("320682001", Programme.Dibao, [Person("320682", new(1983, 1, 1), employed: true, income: 1500m)]);
        var tooOld = Household("320682002", Programme.Dibao, [Person("320682", new(1960, 1, 1))]);
        await WriteAsync(Factory, idle, working, tooOld);

        var first = await RunJobAsync(Factory, "alert-rules", "2026-01-05");
        Assert.That((string?)first["outcome"], Is.EqualTo("Succeeded"), first.ToJsonString());
        var raised = await AlertsOfAsync(Factory, "ZeroEmployment", idle.Enrolment.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(raised, Has.Count.EqualTo(1));
            Assert.That((string?)raised[0]["status"], Is.EqualTo("Open"));
            Assert.That((string?)raised[0]["ruleId"], Is.EqualTo("R-36"));
            Assert.That((string?)raised[0]["source"], Does.Contain("S3 三(二)2"));
            Assert.That((string?)raised[0]["regionCode"], Is.EqualTo("320682001"));
            Assert.That((string?)raised[0]["householdId"], Is.EqualTo(idle.Id.ToString()));
            Assert.That((string?)raised[0]["detail"], Does.StartWith("1 present member(s) aged 16 to 59"), "working age from the parameters");
            Assert.That((string?)raised[0]["raisedOn"], Is.EqualTo("2026-01-05"));
            Assert.That(await AlertsOfAsync(Factory, "ZeroEmployment", working.Enrolment.Id), Is.Empty, "someone works");
            Assert.That(await AlertsOfAsync(Factory, "ZeroEmployment", tooOld.Enrolment.Id), Is.Empty, "66 is above labour.workingAge.max");
        });

        var second = await RunJobAsync(Factory, "alert-rules", "2026-01-06");
        var kept = await AlertsOfAsync(Factory, "ZeroEmployment", idle.Enrolment.Id);
        Assert.Multiple(() =>
        {
            Assert.That((long?)second["counts"]!["ZeroEmployment.raised"], Is.EqualTo(0), "not raised twice while open");
            Assert.That(kept, Has.Count.EqualTo(1));
            Assert.That((string?)kept[0]["id"], Is.EqualTo((string?)raised[0]["id"]));
            Assert.That((string?)kept[0]["lastSeenOn"], Is.EqualTo("2026-01-06"));
        });

        // The head finds work (PUT member through the register).
        var head = idle.Members[0];
        var member = new JsonObject { ["idNumber"] = head.IdNumber, ["name"] = head.Name, ["relationship"] = "Head", ["employed"] = true };
        var put = await Factory.ClientWith("000000", "registry.write", "pii.read")
            .SendJsonAsync(HttpMethod.Put, $"/api/v1/households/{idle.Id}/members/{head.Id}", member, ifMatch: "\"1\"");
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());

        var third = await RunJobAsync(Factory, "alert-rules", "2026-01-07");
        var cleared = await AlertsOfAsync(Factory, "ZeroEmployment", idle.Enrolment.Id);
        Assert.Multiple(() =>
        {
            Assert.That(cleared, Has.Count.EqualTo(1));
            Assert.That((string?)cleared[0]["status"], Is.EqualTo("Resolved"));
            Assert.That((string?)cleared[0]["resolvedBy"], Is.EqualTo("system:alert-rules"));
            Assert.That((string?)cleared[0]["resolutionNote"], Does.Contain("2026-01-07"));
            Assert.That((long?)third["counts"]!["ZeroEmployment.cleared"], Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task MarginalRigidSpending_UsesTheRegionsShare_AndClearsWhenSpendingFalls()
    {
        // 320682 (如皋) sets expenditure.minRigidShareOfIncome 0.5 from 2025; the national baseline leaves it unset (469001).
        var high = Household("320682100", Programme.DibaoMarginal, [Person("320682", new(1975, 3, 3), employed: true, income: 2000m)], rigid: 1500m);
        var low = Household("320682100", Programme.DibaoMarginal, [Person("320682", new(1976, 3, 3), employed: true, income: 2000m)], rigid: 800m);
        var unset = Household("469001", Programme.DibaoMarginal, [Person("469001", new(1977, 3, 3), employed: true, income: 1000m)], rigid: 3000m);
        await WriteAsync(Factory, high, low, unset);

        await RunJobAsync(Factory, "alert-rules", "2026-02-02");
        var raised = await AlertsOfAsync(Factory, "MarginalRigidSpending", high.Enrolment.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(raised, Has.Count.EqualTo(1));
            Assert.That((string?)raised[0]["detail"], Is.EqualTo("rigid spending 1500.00 a month against income 2000.00 a month (share threshold 0.5)"));
            Assert.That(await AlertsOfAsync(Factory, "MarginalRigidSpending", low.Enrolment.Id), Is.Empty, "800 is below half of 2000");
            Assert.That(await AlertsOfAsync(Factory, "MarginalRigidSpending", unset.Enrolment.Id), Is.Empty, "no share in force in 469001");
        });

        await using (var connection = new NpgsqlConnection(Factory.ConnectionString))
        {
            await connection.ExecuteAsync("SET assistance.region_prefix = '*'; UPDATE households SET monthly_rigid_expenditure = 900 WHERE id = @id", new { id = high.Id });
        }

        await RunJobAsync(Factory, "alert-rules", "2026-02-03");
        Assert.That((string?)(await AlertsOfAsync(Factory, "MarginalRigidSpending", high.Enrolment.Id)).Single()["status"], Is.EqualTo("Resolved"));
    }

    [Test]
    public async Task TekunVisitOverdue_RaisesForTheOverdueAgreement_AndClearsAfterAVisitIsRecorded()
    {
        var overdue = Household("320402", Programme.Tekun, [Person("320402", new(1940, 2, 2), capacity: LaborCapacity.None)], care: CareSetting.Decentralized,
            agreement: (30, new DateOnly(2025, 7, 1), new DateOnly(2026, 2, 1)));
        var visited = Household("320402", Programme.Tekun, [Person("320402", new(1941, 2, 2), capacity: LaborCapacity.None)], care: CareSetting.Decentralized,
            agreement: (30, new DateOnly(2025, 7, 1), new DateOnly(2026, 3, 1)));
        await WriteAsync(Factory, overdue, visited);

        await RunJobAsync(Factory, "alert-rules", "2026-03-10");
        var raised = await AlertsOfAsync(Factory, "TekunVisitOverdue", overdue.Enrolment.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(raised, Has.Count.EqualTo(1));
            Assert.That((string?)raised[0]["detail"], Is.EqualTo("visit every 30 days; last visit 2026-02-01; due 2026-03-03"));
            Assert.That((string?)raised[0]["memberId"], Is.EqualTo(overdue.Members[0].Id.ToString()));
            Assert.That(await AlertsOfAsync(Factory, "TekunVisitOverdue", visited.Enrolment.Id), Is.Empty);
        });

        var visit = await Factory.ClientWith("000000", "cases.write")
            .PostJsonAsync($"/api/v1/care-agreements/{overdue.CareAgreement!.Id}/visits", new { visitedOn = "2026-03-11", visitor = "李娜", notes = "Visited." }, ifMatch: "\"1\"");
        Assert.That(visit.StatusCode, Is.EqualTo(HttpStatusCode.OK), await visit.Content.ReadAsStringAsync());

        await RunJobAsync(Factory, "alert-rules", "2026-03-12");
        Assert.That((string?)(await AlertsOfAsync(Factory, "TekunVisitOverdue", overdue.Enrolment.Id)).Single()["status"], Is.EqualTo("Resolved"));
    }

    [Test]
    public async Task TekunMinorTurningAdult_RaisesWithinThreeMonthsOfTheLimit_AndClearsOnceTheBirthdayHasPassed()
    {
        var soon = Household("340302", Programme.Tekun, [Person("340302", new(2008, 6, 15), capacity: LaborCapacity.None)], care: CareSetting.Centralized);
        var later = Household("340302", Programme.Tekun, [Person("340302", new(2008, 9, 2), capacity: LaborCapacity.None)], care: CareSetting.Centralized);
        await WriteAsync(Factory, soon, later);

        await RunJobAsync(Factory, "alert-rules", "2026-04-01");
        var raised = await AlertsOfAsync(Factory, "TekunMinorTurningAdult", soon.Enrolment.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(raised, Has.Count.EqualTo(1));
            Assert.That((string?)raised[0]["detail"], Is.EqualTo("reaches 18 on 2026-06-15"), "tekun.minorAgeLimit 18 since 2021-07-01");
            Assert.That((string?)raised[0]["source"], Does.Contain("R-34"));
            Assert.That(await AlertsOfAsync(Factory, "TekunMinorTurningAdult", later.Enrolment.Id), Is.Empty, "more than three months away");
        });

        await RunJobAsync(Factory, "alert-rules", "2026-06-16");
        var after = await AlertsOfAsync(Factory, "TekunMinorTurningAdult", soon.Enrolment.Id);
        var laterAlerts = await AlertsOfAsync(Factory, "TekunMinorTurningAdult", later.Enrolment.Id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)after.Single()["status"], Is.EqualTo("Resolved"), "18 reached: no longer a minor");
            Assert.That(laterAlerts, Has.Count.EqualTo(1), "now within three months of 2026-09-02");
        });
    }

    [Test]
    public async Task DuplicateIdNumber_RaisesOneAlertPerSide_WithTheNumberMasked_AndClearsWhenOneEnrolmentEnds()
    {
        var first = Household("320682001", Programme.Dibao, [Person("320682", new(1970, 7, 7), capacity: LaborCapacity.None)]);
        var second = Household("320402", Programme.DibaoMarginal, [Person("320402", new(1971, 7, 7), capacity: LaborCapacity.None)]);
        await WriteAsync(Factory, first, second);
        var shared = first.Members[0];

        // A stale coverage the register no longer prevents (a person moved without the old enrolment being updated).
        await using (var connection = new NpgsqlConnection(Factory.ConnectionString))
        {
            await connection.ExecuteAsync(
                """
                SET assistance.region_prefix = '*';
                INSERT INTO enrolment_persons (enrolment_id, region_code, member_id, id_number, programme, household_id, active)
                VALUES (@enrolment, '320402', @member, @idNumber, 'DibaoMarginal', @household, true)
                """,
                new { enrolment = second.Enrolment.Id, member = shared.Id, idNumber = shared.IdNumber, household = second.Id });
        }

        await RunJobAsync(Factory, "alert-rules", "2026-05-04");
        var mine = await AlertsOfAsync(Factory, "DuplicateIdNumber", first.Enrolment.Id);
        var theirs = await AlertsOfAsync(Factory, "DuplicateIdNumber", second.Enrolment.Id);
        Assert.Multiple(() =>
        {
            Assert.That(mine, Has.Count.EqualTo(1));
            Assert.That(theirs, Has.Count.EqualTo(1), "each region sees its side");
            Assert.That((string?)mine[0]["ruleId"], Is.EqualTo("R-61"));
            Assert.That((string?)theirs[0]["regionCode"], Is.EqualTo("320402"));
            Assert.That((string?)mine[0]["detail"], Is.EqualTo($"ID number {shared.IdNumber[..6]}********{shared.IdNumber[14..]} is active in 2 households and 2 regions (320402, 320682001)"));
            Assert.That(mine[0].ToJsonString() + theirs[0].ToJsonString(), Does.Not.Contain(shared.IdNumber));
        });

        var end = await Factory.ClientWith("000000", "cases.approve")
            .PostJsonAsync($"/api/v1/enrolments/{second.Enrolment.Id}/status", new { action = "End", reason = "Moved to 如皋." }, ifMatch: "\"1\"");
        Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.OK), await end.Content.ReadAsStringAsync());

        await RunJobAsync(Factory, "alert-rules", "2026-05-05");
        Assert.Multiple(async () =>
        {
            Assert.That((string?)(await AlertsOfAsync(Factory, "DuplicateIdNumber", first.Enrolment.Id)).Single()["status"], Is.EqualTo("Resolved"));
            Assert.That((string?)(await AlertsOfAsync(Factory, "DuplicateIdNumber", second.Enrolment.Id)).Single()["status"], Is.EqualTo("Resolved"));
        });
    }
}
