namespace Assistance.Domain.Policy;

/// <summary>
/// The accessor the engine reads parameters through (OpenFisca-style traced reads). With tracing on, every
/// read is remembered until the caller takes the pending reads for a trace entry; with tracing off a read is
/// one array access and allocates nothing. One instance per assessment: it is not thread-safe.
/// </summary>
public sealed class TracedParameterReader
{
    private const string NoValueRegion = "none";
    private const string NoValueSource = "no value in force";

    private readonly ParameterSet set;
    private static readonly ResolvedParameter?[] NoValues = new ResolvedParameter?[ParameterCatalog.Count];

    private readonly List<ResolvedParameter>? pending;
    private ResolvedParameter[] scratch = [];

    public TracedParameterReader(ParameterSet set, bool trace)
    {
        ArgumentNullException.ThrowIfNull(set);
        this.set = set;
        pending = trace ? new List<ResolvedParameter>(16) : null;
    }

    public bool IsTracing => pending is not null;

    public ParameterSet Parameters => set;

    /// <summary>The raw resolved value (null value when unset); recorded when tracing.</summary>
    public ParameterValueData Read(ParameterDefinition definition)
    {
        var resolved = set.Get(definition);
        if (pending is not null)
        {
            pending.Add(resolved ?? NoValue(definition));
        }

        return resolved?.Value ?? ParameterValueData.Null;
    }

    /// <summary>A value the computation cannot do without; unset → <see cref="ParameterNotInForceException"/>.</summary>
    public ParameterValueData Require(ParameterDefinition definition)
    {
        var value = Read(definition);
        return value.IsNull ? throw new ParameterNotInForceException(definition.Key, set.RegionCode, set.Date) : value;
    }

    public decimal RequireDecimal(ParameterDefinition definition) => Require(definition).AsDecimal();

    public int RequireInteger(ParameterDefinition definition) => Require(definition).AsInteger();

    public bool RequireBoolean(ParameterDefinition definition) => Require(definition).AsBoolean();

    public string RequireString(ParameterDefinition definition) => Require(definition).AsString();

    public decimal? OptionalDecimal(ParameterDefinition definition)
    {
        var value = Read(definition);
        return value.IsNull ? null : value.AsDecimal();
    }

    /// <summary>The distinct reads since the last call, for one trace entry; empty when tracing is off.</summary>
    public IReadOnlyList<ResolvedParameter> TakeReads()
    {
        if (pending is null || pending.Count == 0)
        {
            return [];
        }

        // A rule may read one key several times (once per member); the entry lists it once, first read first.
        // Deduplicated in a scratch array, then copied into an exact-size one: one allocation per entry.
        if (scratch.Length < pending.Count)
        {
            scratch = new ResolvedParameter[pending.Count];
        }

        var count = 0;
        foreach (var read in pending)
        {
            if (!Contains(scratch, count, read.Key))
            {
                scratch[count++] = read;
            }
        }

        var reads = scratch.AsSpan(0, count).ToArray();
        Array.Clear(scratch, 0, count);

        pending.Clear();
        return reads;
    }

    private static bool Contains(ResolvedParameter[] reads, int count, string key)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(reads[i].Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The "no value in force" record of a key: immutable, so made once per key and shared.</summary>
    private static ResolvedParameter NoValue(ParameterDefinition definition)
    {
        // A race only builds an equal record twice; either may be kept.
        return NoValues[definition.Ordinal] ??= new ResolvedParameter(definition.Key, ParameterValueData.Null, NoValueRegion, null, null, NoValueSource);
    }
}
