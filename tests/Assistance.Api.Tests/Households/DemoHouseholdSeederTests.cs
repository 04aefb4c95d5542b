namespace Assistance.Api.Tests.Households;

using Assistance.Api.Tests.Infrastructure;
using Assistance.Infrastructure.Households;
using Assistance.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static Assistance.Api.Tests.Households.HouseholdTestData;

public sealed class DemoHouseholdSeederTests : ApiTestBase
{
    [Test]
    public async Task SeedAsync_RunTwice_InsertsTheDemoHouseholdsOnceAndTheyReadBack()
    {
        var seeder = Factory.Services.GetServices<IStartupSeeder>().OfType<DemoHouseholdSeeder>().Single();
        Assert.That(seeder.IsDemoData, Is.True);
        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        var expected = DemoHouseholdSeeder.Households(DateTimeOffset.UnixEpoch);
        Assert.That(await CountAsync(Factory, "households"), Is.EqualTo(expected.Count));
        Assert.That(await CountAsync(Factory, "household_members"), Is.EqualTo(expected.Sum(h => h.Members.Count)));

        var rugao = await (await Factory.ClientWith("320682", "registry.read").GetAsync(Url("/api/v1/households"))).JsonAsync();
        var regions = rugao["items"]!.AsArray().Select(h => (string?)h!["regionCode"]).ToList();
        Assert.That(regions, Is.EquivalentTo(new[] { "320682001", "320682002", "320682100" }));
        var national = await (await Factory.ClientWith("000000", "registry.read").GetAsync(Url("/api/v1/households?limit=200"))).JsonAsync();
        Assert.That(national["items"]!.AsArray(), Has.Count.EqualTo(expected.Count));
        Assert.That(national["items"]!.AsArray().Select(h => ((string?)h!["regionCode"])![..2]).Distinct(), Is.EquivalentTo(new[] { "32", "34", "61", "23", "46" }));
    }
}
