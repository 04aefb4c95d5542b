namespace Assistance.Api.Tests.Demo;

using Assistance.Api.Demo;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The demo story is built through the use cases on its own dates: every stage of a case is there to look at after
/// ./run.sh, including a notice ready to close (no waiting 7 days) and an overdue care visit.
/// </summary>
public sealed class DemoWorkflowSeederTests
{
    /// <summary>In tests the story's dates move the test clock; Reset returns it to "today".</summary>
    private sealed class TestClockControl(TestClock clock, DateTimeOffset today) : IDemoClockControl
    {
        public void Begin()
        {
        }

        public void Today(string isoDate) => clock.Set(DemoClock.At(isoDate));

        public void Reset() => clock.Set(today);
    }

    [Test]
    public async Task SeedAsync_BuildsEveryStage_Once()
    {
        var today = DemoClock.At("2026-11-30");
        await using var factory = new ApiFactory(await TestDatabase.CreateAsync(), new Dictionary<string, string?> { ["Database:LoadDemoData"] = "true" },
            services => services.AddSingleton<IDemoClockControl>(sp => new TestClockControl((TestClock)sp.GetRequiredService<TimeProvider>(), today)));
        factory.Clock.Set(today);
        foreach (var reference in factory.Services.GetServices<IStartupSeeder>().Where(s => !s.IsDemoData))
        {
            await reference.SeedAsync(CancellationToken.None);
        }

        var seeder = factory.Services.GetServices<IStartupSeeder>().OfType<DemoWorkflowSeeder>().Single();
        Assert.That(seeder.IsDemoData, Is.True);
        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        var county = factory.ClientWith("320682", "cases.read", "registry.read");
        var applications = await (await county.GetAsync(new Uri("/api/v1/applications?limit=200", UriKind.Relative))).JsonAsync();
        var statuses = applications["items"]!.AsArray().Select(a => (string?)a!["status"]).ToList();
        Assert.That(statuses, Is.EquivalentTo(new[] { "Enrolled", "Enrolled", "RefusalNotified", "PublicNotice", "Verifying", "Accepted", "Submitted" }),
            "each stage once, and nothing doubled by the second run");

        var notice = applications["items"]!.AsArray().Single(a => (string?)a!["status"] == "PublicNotice")!;
        var detail = await (await county.GetAsync(new Uri($"/api/v1/applications/{(string?)notice["id"]}", UriKind.Relative))).JsonAsync();
        Assert.That(DateOnly.Parse((string)detail["noticeEndsOn"]!, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(new DateOnly(2026, 11, 30)),
            "the public notice has run its 7 days: it can be closed today");

        var enrolments = await (await county.GetAsync(new Uri("/api/v1/enrolments?limit=200", UriKind.Relative))).JsonAsync();
        var active = enrolments["items"]!.AsArray().Where(e => (string?)e!["status"] == "Active").Select(e => (string?)e!["programme"]).ToList();
        Assert.That(active, Is.EquivalentTo(new[] { "Dibao", "Tekun" }));

        var overdue = await (await county.GetAsync(new Uri("/api/v1/care-agreements/overdue", UriKind.Relative))).JsonAsync();
        Assert.That(overdue["items"]!.AsArray(), Has.Count.EqualTo(1), "the weekly care visit is overdue");
    }
}
