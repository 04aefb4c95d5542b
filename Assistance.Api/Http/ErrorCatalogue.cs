namespace Assistance.Api.Http;

using System.Text.RegularExpressions;

/// <summary>
/// docs/errors.md is the catalogue of every problem <c>code</c>; it is embedded in the API and served at
/// <c>/problems</c> (whole) and <c>/problems/{code}</c> (one entry), which is where a problem's <c>type</c> points.
/// A test keeps the catalogue and the codes in the source in step.
/// </summary>
public static partial class ErrorCatalogue
{
    public const string BasePath = "/problems";

    private static readonly Lazy<string> Markdown = new(() =>
    {
        using var stream = typeof(ErrorCatalogue).Assembly.GetManifestResourceStream("docs.errors.md")
            ?? throw new InvalidOperationException("docs/errors.md is not embedded in the API assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Entries = new(() => Parse(Markdown.Value));

    /// <summary>A relative reference: it resolves against the API that answered, wherever it is deployed.</summary>
    public static string TypeUri(string code) => $"{BasePath}/{code}";

    public static string Document => Markdown.Value;

    public static IReadOnlyDictionary<string, string> Codes => Entries.Value;

    /// <summary>Each entry is a table row <c>| `code` | status | meaning |</c>.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Row().Matches(markdown))
        {
            entries[match.Groups["code"].Value] = $"{match.Groups["code"].Value} ({match.Groups["status"].Value}): {match.Groups["meaning"].Value.Trim()}";
        }

        return entries;
    }

    public static RouteGroupBuilder MapProblemTypes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/", () => Results.Text(Document, "text/markdown; charset=utf-8"));
        group.MapGet("/{code}", (string code) => Codes.TryGetValue(code, out var entry)
            ? Results.Text($"# {code}\n\n{entry}\n\nThe whole catalogue: {BasePath}\n", "text/markdown; charset=utf-8")
            : Results.Problem(statusCode: 404, title: "Not found.", detail: "No such problem code; the catalogue is at " + BasePath + ".",
                extensions: new Dictionary<string, object?> { ["code"] = "resource.not-found" }));
        return group;
    }

    [GeneratedRegex(@"^\|\s*`(?<code>[a-z0-9.{}-]+)`\s*\|\s*(?<status>[0-9]{3})\s*\|(?<meaning>[^|\n]+)\|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
