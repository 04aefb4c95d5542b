namespace Assistance.Benchmarks;

using Assistance.Application.Policy;
using Assistance.Domain.Policy;

/// <summary>Loads policy/packs/*.json from the repository (found by walking up to Assistance.sln).</summary>
internal static class PolicyPacks
{
    public static ParameterResolver LoadResolver()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assistance.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("Assistance.sln not found above " + AppContext.BaseDirectory);
        }

        var recordedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var values = Directory.GetFiles(Path.Combine(dir.FullName, "policy", "packs"), "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => PolicyPackFile.Parse(File.ReadAllText(f), recordedAt).Values);
        return new ParameterResolver(values);
    }
}
