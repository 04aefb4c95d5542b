namespace Assistance.ArchitectureTests;

using System.Reflection;
using System.Text.RegularExpressions;

/// <summary>
/// Source-level house rules NetArchTest cannot see (SQL text outside Infrastructure, R-ids beside rule classes), plus
/// sealed handlers; the layer rules themselves are in <see cref="NetArchTests"/>.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly Assembly Application = typeof(Assistance.Application.DependencyInjection).Assembly;

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
                if (SqlPattern().IsMatch(text) || text.Contains("using Npgsql", StringComparison.Ordinal)
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
        var rules = NetArchTests.BusinessRuleTypes().ToList();
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
