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
    private readonly List<ResolvedParameter>? pending;

    public TracedParameterReader(ParameterSet set, bool trace)
    {
        ArgumentNullException.ThrowIfNull(set);
        this.set = set;
        pending = trace ? [] : null;
    }

    public bool IsTracing => pending is not null;

    public ParameterSet Parameters => set;

    /// <summary>The raw resolved value (null value when unset); recorded when tracing.</summary>
    public ParameterValueData Read(ParameterDefinition definition)
    {
        var resolved = set.Get(definition);
        if (pending is not null)
        {
            pending.Add(resolved ?? new ResolvedParameter(definition.Key, ParameterValueData.Null, NoValueRegion, null, null, NoValueSource));
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
        var reads = new List<ResolvedParameter>(pending.Count);
        foreach (var read in pending)
        {
            if (!Contains(reads, read.Key))
            {
                reads.Add(read);
            }
        }

        pending.Clear();
        return reads;
    }

    private static bool Contains(List<ResolvedParameter> reads, string key)
    {
        foreach (var read in reads)
        {
            if (string.Equals(read.Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
