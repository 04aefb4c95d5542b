namespace Assistance.ArchitectureTests;

using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using MediatR;
using NetArchTest.Rules;

/// <summary>
/// One shape for every use case: <c>Assistance.Application/&lt;Feature&gt;/&lt;UseCase&gt;/</c> holds
/// <c>&lt;UseCase&gt;Command</c> or <c>&lt;UseCase&gt;Query</c>, <c>&lt;UseCase&gt;Handler</c> and (when it validates)
/// <c>&lt;UseCase&gt;Validator</c>, each in its own file, and the namespace is the folder.
/// </summary>
public sealed partial class UseCaseLayoutTests
{
    private const string ApplicationNs = "Assistance.Application";
    private static readonly Assembly Application = typeof(Assistance.Application.DependencyInjection).Assembly;

    [Test]
    public void EveryHandler_LivesInTheFolderOfItsUseCase_WithItsRequest()
    {
        var handlers = Types.InAssembly(Application).That().AreClasses().And().AreNotAbstract().GetTypes()
            .Where(t => RequestOf(t) is not null).ToList();
        Assert.That(handlers, Has.Count.GreaterThan(40), "the use cases are found");
        var offenders = new List<string>();
        foreach (var handler in handlers)
        {
            var request = RequestOf(handler)!;
            var useCase = UseCaseName(request);
            var expectedNs = $"{ApplicationNs}.{Feature(handler)}.{useCase}";
            if (useCase is null || handler.Name != useCase + "Handler" || handler.Namespace != expectedNs || request.Namespace != expectedNs
                || handler.Namespace!.Split('.').Length != 4)
            {
                offenders.Add($"{handler.FullName} handles {request.FullName}");
            }
        }

        Assert.That(offenders, Is.Empty, "a handler is <UseCase>Handler in namespace Assistance.Application.<Feature>.<UseCase>, beside <UseCase>Command|Query");
    }

    [Test]
    public void EveryUseCaseFolder_HoldsOneUseCase()
    {
        var perNamespace = Types.InAssembly(Application).That().AreClasses().And().AreNotAbstract().GetTypes()
            .Where(t => RequestOf(t) is not null)
            .GroupBy(t => t.Namespace)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        Assert.That(perNamespace, Is.Empty, "one use case per folder");
    }

    [Test]
    public void EveryValidator_SitsBesideTheRequestItValidates()
    {
        var offenders = Types.InAssembly(Application).That().Inherit(typeof(AbstractValidator<>)).And().AreNotAbstract().GetTypes()
            .Select(v => (Validator: v, Target: v.BaseType!.GetGenericArguments()[0]))
            .Where(p => IsRequest(p.Target) && (p.Validator.Namespace != p.Target.Namespace || p.Validator.Name != UseCaseName(p.Target) + "Validator"))
            .Select(p => p.Validator.FullName);
        Assert.That(offenders, Is.Empty, "<UseCase>Validator sits in its use case's folder");
    }

    [Test]
    public void EverySourceFile_DeclaresTheNamespaceOfItsFolder_AndUseCaseFilesAreNamedAfterTheirType()
    {
        var root = Path.Combine(LayeringTests.RepositoryRoot(), "Assistance.Application");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(root, Path.GetDirectoryName(file)!);
            var expected = relative == "." ? ApplicationNs : $"{ApplicationNs}.{relative.Replace(Path.DirectorySeparatorChar, '.')}";
            var text = File.ReadAllText(file);
            var declared = NamespacePattern().Match(text);
            if (!declared.Success || declared.Groups[1].Value != expected)
            {
                offenders.Add($"{Path.GetRelativePath(root, file)} declares {declared.Groups[1].Value}, expected {expected}");
            }

            var name = Path.GetFileNameWithoutExtension(file);
            if (UseCaseFilePattern().IsMatch(name) && !Regex.IsMatch(text, $@"\b(class|record)\s+{name}\b"))
            {
                offenders.Add($"{Path.GetRelativePath(root, file)} does not declare {name}");
            }
        }

        Assert.That(offenders, Is.Empty);
    }

    private static Type? RequestOf(Type handler) => handler.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
        .Select(i => i.GetGenericArguments()[0])
        .FirstOrDefault();

    private static bool IsRequest(Type type) => type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>));

    private static string? UseCaseName(Type request) =>
        request.Name.EndsWith("Command", StringComparison.Ordinal) ? request.Name[..^"Command".Length]
        : request.Name.EndsWith("Query", StringComparison.Ordinal) ? request.Name[..^"Query".Length]
        : null;

    private static string Feature(Type type) => type.Namespace!.Split('.') is { Length: > 2 } parts ? parts[2] : string.Empty;

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"(Command|Query|Handler|Validator)$")]
    private static partial Regex UseCaseFilePattern();
}
