namespace Assistance.Domain.Tests.Support;

using Assistance.Application.Policy;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>The repository's policy packs (policy/packs/*.json), read once per test run.</summary>
internal static class PolicyData
{
    public static readonly DateTimeOffset RecordedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> RootLazy = new(FindRepoRoot);
    private static readonly Lazy<IReadOnlyList<PolicyPack>> PacksLazy = new(LoadPacks);
    private static readonly Lazy<ParameterResolver> ResolverLazy = new(() => new ParameterResolver(PacksLazy.Value.SelectMany(p => p.Values)));

    public static string RepoRoot => RootLazy.Value;

    public static IReadOnlyList<PolicyPack> Packs => PacksLazy.Value;

    public static IEnumerable<ParameterValue> AllValues => Packs.SelectMany(p => p.Values);

    public static ParameterResolver Resolver => ResolverLazy.Value;

    public static string ReadPolicyFile(string relative) => File.ReadAllText(Path.Combine(RepoRoot, "policy", relative));

    /// <summary>Parameters an urban household sees for (region, date) from the real packs, with what-if overrides applied.</summary>
    public static ParameterSet For(string region, DateOnly date, params (string Key, object? Value)[] overrides) =>
        For(ResidenceType.Urban, region, date, overrides);

    /// <summary>Parameters a household of <paramref name="residence"/> sees for (region, date), with what-if overrides applied.</summary>
    public static ParameterSet For(ResidenceType residence, string region, DateOnly date, params (string Key, object? Value)[] overrides)
    {
        // Later entries win, so a test can replace a default override.
        var map = new Dictionary<string, ParameterValueData>(StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            map[key] = Values.Of(value);
        }

        return Resolver.ResolveAll(RegionCode.Parse(region), date, residence: residence).WithOverrides(map);
    }

    /// <summary>Reads one resolved number from a set (tests derive expectations from parameters, never from output).</summary>
    public static decimal Number(ParameterSet set, string key) => set.Get(key)!.Value.AsDecimal();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assistance.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Assistance.sln not found above " + AppContext.BaseDirectory);
    }

    private static List<PolicyPack> LoadPacks() =>
        Directory.GetFiles(Path.Combine(RootLazy.Value, "policy", "packs"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => PolicyPackFile.Parse(File.ReadAllText(f), RecordedAt))
            .ToList();
}

internal static class Values
{
    public static ParameterValueData Of(object? value) => value switch
    {
        null => ParameterValueData.Null,
        ParameterValueData data => data,
        decimal d => ParameterValueData.FromDecimal(d),
        int i => ParameterValueData.FromInteger(i),
        bool b => ParameterValueData.FromBoolean(b),
        string s => ParameterValueData.FromString(s),
        string[] list => ParameterValueData.FromList(list),
        _ => throw new ArgumentException("Unsupported test value " + value.GetType()),
    };
}
