namespace Assistance.ArchitectureTests;

using System.Reflection;
using NetArchTest.Rules;

/// <summary>
/// The dependency rule Domain ← Application ← Infrastructure ← Api and where SQL may live, checked on the compiled
/// types with NetArchTest (type-level dependencies, not only assembly references).
/// </summary>
public sealed class NetArchTests
{
    private const string DomainNs = "Assistance.Domain";
    private const string ApplicationNs = "Assistance.Application";
    private const string InfrastructureNs = "Assistance.Infrastructure";
    private const string ApiNs = "Assistance.Api";

    /// <summary>
    /// What "no packages, no I/O" means for the Domain: only the core runtime assemblies (collections, LINQ, text,
    /// regular expressions). System.Text.Json, System.Net.*, System.IO.FileSystem and the like are not on the list.
    /// </summary>
    private static readonly string[] RuntimeLevelAssemblies =
    [
        "System.Runtime", "System.Runtime.InteropServices", "System.Collections", "System.Linq", "System.Runtime.Intrinsics", "System.Memory",
        "System.Text.RegularExpressions", "System.Collections.Immutable", "System.ComponentModel.Annotations", "netstandard",
    ];

    private static readonly Assembly Domain = typeof(Assistance.Domain.Regions.RegionCode).Assembly;
    private static readonly Assembly Application = typeof(Assistance.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Assistance.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    [Test]
    public void Domain_DependsOnNoOtherLayer()
    {
        AssertSuccess(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(ApplicationNs, InfrastructureNs, ApiNs).GetResult());
    }

    [Test]
    public void Application_DependsOnlyOnTheDomainInward()
    {
        AssertSuccess(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(InfrastructureNs, ApiNs).GetResult());
    }

    [Test]
    public void Infrastructure_DoesNotDependOnTheApi()
    {
        AssertSuccess(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn(ApiNs).GetResult());
    }

    [Test]
    public void Domain_IsFreeOfPackages_AndReferencesOnlyRuntimeLevelAssemblies()
    {
        AssertSuccess(Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny(["Microsoft", "MediatR", "FluentValidation", "Npgsql", "Dapper", "Polly", "EvolveDb", "System.Net", "System.IO", "System.Text.Json"])
            .GetResult());
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.That(references.Except(RuntimeLevelAssemblies), Is.Empty, "the Domain references only System.Runtime-level assemblies");
    }

    [TestCase("Domain")]
    [TestCase("Application")]
    [TestCase("Api")]
    public void NoLayerButInfrastructure_UsesNpgsqlOrDapper(string layer)
    {
        var assembly = layer switch { "Domain" => Domain, "Application" => Application, _ => Api };

        // Program is the composition root: it registers the two data sources (Npgsql.DependencyInjection) and nothing else.
        AssertSuccess(Types.InAssembly(assembly).That().DoNotHaveName("Program").ShouldNot().HaveDependencyOnAny("Npgsql", "Dapper", "EvolveDb").GetResult());
        AssertSuccess(Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny("Dapper", "EvolveDb", "Npgsql.PostgresException", "Npgsql.PostgresErrorCodes").GetResult());
    }

    [Test]
    public void BusinessRules_AreSealedClassesOfTheDomain()
    {
        var rules = Types.InAssembly(Domain).That().ImplementInterface(typeof(Assistance.Domain.Common.IBusinessRule)).And().AreClasses();
        Assert.That(rules.GetTypes(), Is.Not.Empty);
        AssertSuccess(rules.Should().BeSealed().GetResult());
        AssertSuccess(Types.InAssemblies([Application, Infrastructure, Api]).ShouldNot()
            .ImplementInterface(typeof(Assistance.Domain.Common.IBusinessRule)).GetResult());
    }

    /// <summary>The rule classes NetArchTest finds (each is also checked to cite its R-id, see LayeringTests).</summary>
    internal static IEnumerable<Type> BusinessRuleTypes() =>
        Types.InAssembly(Domain).That().ImplementInterface(typeof(Assistance.Domain.Common.IBusinessRule)).And().AreClasses().And().AreNotAbstract().GetTypes();

    private static void AssertSuccess(TestResult result) =>
        Assert.That(result.IsSuccessful, Is.True, "violations: " + string.Join(", ", result.FailingTypeNames ?? []));
}
