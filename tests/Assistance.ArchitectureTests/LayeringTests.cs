namespace Assistance.ArchitectureTests;

using System.Reflection;
using System.Text.RegularExpressions;

/// <summary>
/// The dependency rule Domain ← Application ← Infrastructure ← Api, read from the compiled assemblies'
/// references (no architecture-test package is available here; reflection is enough).
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly Assembly Domain = typeof(Assistance.Domain.Regions.RegionCode).Assembly;
    private static readonly Assembly Application = typeof(Assistance.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Assistance.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    private static string[] References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Test]
    public void Domain_References_OnlyTheFramework()
    {
        var references = References(Domain);
        Assert.That(references.Where(r => !r.StartsWith("System", StringComparison.Ordinal) && r != "netstandard" && r != "mscorlib"), Is.Empty,
            "Domain must reference no packages and no projects");
    }

    [Test]
    public void Application_References_DomainButNotOuterLayers()
    {
        var references = References(Application);
        Assert.That(references, Does.Contain("Assistance.Domain"));
        Assert.That(references, Has.None.EqualTo("Assistance.Infrastructure").And.None.EqualTo("Assistance.Api"));
        Assert.That(references, Has.None.StartsWith("Npgsql").And.None.StartsWith("Dapper"));
    }

    [Test]
    public void Infrastructure_References_ApplicationButNotApi()
    {
        var references = References(Infrastructure);
        Assert.That(references, Does.Contain("Assistance.Application"));
        Assert.That(references, Has.None.EqualTo("Assistance.Api"));
    }

    [Test]
    public void Api_References_Infrastructure()
    {
        Assert.That(References(Api), Does.Contain("Assistance.Infrastructure"));
    }

    [TestCase("Domain")]
    [TestCase("Application")]
    [TestCase("Api")]
    public void Types_OutsideInfrastructure_UseNoNpgsqlOrDapperType(string layer)
    {
        var assembly = layer switch { "Domain" => Domain, "Application" => Application, _ => Api };
        var offenders = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var used = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
            offenders.AddRange(used
                .Where(t => t.Namespace is { } ns && (ns.StartsWith("Npgsql", StringComparison.Ordinal) || ns.StartsWith("Dapper", StringComparison.Ordinal)))
                .Select(t => $"{type.FullName} uses {t.FullName}"));
        }

        // The exception handler must recognise an unreachable database to answer 503: that is the one sanctioned use.
        offenders.RemoveAll(o => o.StartsWith("Assistance.Api.Http.ProblemExceptionHandler", StringComparison.Ordinal));
        Assert.That(offenders.Distinct(), Is.Empty);
    }

    [Test]
    public void SourceOutsideInfrastructure_ContainsNoSql()
    {
        var root = RepositoryRoot();
        var offenders = new List<string>();
        foreach (var project in new[] { "Assistance.Domain", "Assistance.Application", "Assistance.Api" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                if (SqlPattern().IsMatch(text) || text.Contains("using Npgsql", StringComparison.Ordinal) && !file.EndsWith("ProblemExceptionHandler.cs", StringComparison.Ordinal)
                    || text.Contains("using Dapper", StringComparison.Ordinal))
                {
                    offenders.Add(Path.GetRelativePath(root, file));
                }
            }
        }

        Assert.That(offenders, Is.Empty, "SQL, Npgsql and Dapper belong in Assistance.Infrastructure only");
    }

    [Test]
    public void Handlers_AreSealed()
    {
        var handlers = Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i =>
                i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MediatR.IRequestHandler<,>)))
            .ToList();
        Assert.That(handlers, Is.Not.Empty);
        Assert.That(handlers.Where(h => !h.IsSealed).Select(h => h.FullName), Is.Empty);
    }

    [Test]
    public void BusinessRules_CiteTheirRuleId()
    {
        var rules = Domain.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Assistance.Domain.Common.IBusinessRule).IsAssignableFrom(t))
            .ToList();
        Assert.That(rules, Is.Not.Empty, "the domain has business rules to check");
        var root = RepositoryRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "Assistance.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var missing = rules.Where(rule => !sources.Any(s =>
            Regex.IsMatch(s, $@"R-\d\d[^\n]*\n(\s*///[^\n]*\n|\s*\[[^\n]*\n)*\s*(public|internal)\s+sealed\s+(partial\s+)?(class|record)\s+{rule.Name}\b")
            || Regex.IsMatch(s, $@"class\s+{rule.Name}\b[^{{]*\{{[^}}]*R-\d\d"))).Select(r => r.Name);
        Assert.That(missing, Is.Empty, "every business rule names its R-id next to its declaration");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Assistance.sln not found above the test output folder.");
    }

    [GeneratedRegex(@"\b(SELECT\s+[\w*]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlPattern();
}
