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

    // The distinct reads since the last TakeReads, first read first. A rule may read one key many times (once
    // per member); the entry lists it once. Which keys are already pending is a bit per catalog ordinal, so a
    // repeated read costs one bit test instead of a string comparison with every pending key (issue 14).
    // Slots (a struct wrapping the reference), not a List or a ResolvedParameter[]: storing a reference into an
    // array element goes through the runtime's covariance check (CastHelpers.StelemRef, 16 % of the traced
    // assessment's samples in perf), storing into a struct field of an array element does not (issue 14).
    private readonly ulong[]? pendingKeys;
    private Slot[]? pending;
    private int pendingCount;

    public TracedParameterReader(ParameterSet set, bool trace)
    {
        ArgumentNullException.ThrowIfNull(set);
        this.set = set;
        if (trace)
        {
            pending = new Slot[16];
            pendingKeys = new ulong[(ParameterCatalog.Count + 63) / 64];
        }
    }

    public bool IsTracing => pending is not null;

    public ParameterSet Parameters => set;

    /// <summary>The raw resolved value (null value when unset); recorded when tracing.</summary>
    public ParameterValueData Read(ParameterDefinition definition)
    {
        var resolved = set.Get(definition);
        if (pending is not null)
        {
            Record(definition, resolved);
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
        if (pendingCount == 0)
        {
            return [];
        }

        // An exact-size array per entry: the entry keeps it, the pending array is reused. The stale references
        // left in it are overwritten by the next entry's reads and die with the assessment.
        var reads = new ResolvedParameter[pendingCount];
        for (var k = 0; k < reads.Length; k++)
        {
            reads[k] = pending![k].Value;
        }

        pendingCount = 0;
        Array.Clear(pendingKeys!);
        return reads;
    }

    private void Record(ParameterDefinition definition, ResolvedParameter? resolved)
    {
        ref var word = ref pendingKeys![definition.Ordinal >> 6];
        var bit = 1UL << (definition.Ordinal & 63);
        if ((word & bit) == 0)
        {
            word |= bit;
            if (pendingCount == pending!.Length)
            {
                Array.Resize(ref pending, pendingCount * 2);
            }

            pending[pendingCount++].Value = resolved ?? NoValue(definition);
        }
    }

    /// <summary>The "no value in force" record of a key: immutable, so made once per key and shared.</summary>
    private static ResolvedParameter NoValue(ParameterDefinition definition)
    {
        // A race only builds an equal record twice; either may be kept.
        return NoValues[definition.Ordinal] ??= new ResolvedParameter(definition.Key, ParameterValueData.Null, NoValueRegion, null, null, NoValueSource);
    }

    private struct Slot
    {
        public ResolvedParameter Value;
    }
}
