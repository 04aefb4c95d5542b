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

    // The distinct reads since the last TakeReads (see PendingReads); null when not tracing.
    private readonly PendingReads? pending;

    public TracedParameterReader(ParameterSet set, bool trace)
        : this(set, trace ? new PendingReads() : null)
    {
    }

    /// <summary>
    /// A reader recording into <paramref name="pending"/> (not tracing when null), which it resets first: the
    /// engine lends each traced assessment the pending reads of its thread (see <see cref="PendingReads"/>).
    /// </summary>
    internal TracedParameterReader(ParameterSet set, PendingReads? pending)
    {
        ArgumentNullException.ThrowIfNull(set);
        this.set = set;
        this.pending = pending;
        pending?.Reset();
    }

    public bool IsTracing => pending is not null;

    public ParameterSet Parameters => set;

    /// <summary>The raw resolved value (null value when unset); recorded when tracing.</summary>
    public ParameterValueData Read(ParameterDefinition definition)
    {
        var resolved = set.Get(definition);
        pending?.Record(definition, resolved ?? NoValue(definition));
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
    public IReadOnlyList<ResolvedParameter> TakeReads() => pending is null ? [] : pending.Take();

    /// <summary>The "no value in force" record of a key: immutable, so made once per key and shared.</summary>
    private static ResolvedParameter NoValue(ParameterDefinition definition)
    {
        // A race only builds an equal record twice; either may be kept.
        return NoValues[definition.Ordinal] ??= new ResolvedParameter(definition.Key, ParameterValueData.Null, NoValueRegion, null, null, NoValueSource);
    }
}

/// <summary>
/// The pending reads of a tracing <see cref="TracedParameterReader"/>: the distinct reads since the last take,
/// first read first. A rule may read one key many times (once per member); the entry lists it once. Which keys
/// are pending is a bit per catalog ordinal, so a repeated read is one bit test (issue 14). The engine keeps one
/// per thread and lends it to each traced assessment's reader (an assessment runs synchronously on one thread
/// and never re-enters the engine), so a traced assessment does not allocate these arrays afresh (issue 14).
/// Not thread-safe; never used by two live readers.
/// </summary>
internal sealed class PendingReads
{
    private readonly ulong[] keys = new ulong[(ParameterCatalog.Count + 63) / 64];

    // Slots (a struct wrapping the reference), not a List or a ResolvedParameter[]: storing a reference into an
    // array element goes through the runtime's covariance check (CastHelpers.StelemRef, 16 % of the traced
    // assessment's samples in perf), storing into a struct field of an array element does not (issue 14).
    private Slot[] slots = new Slot[16];
    private int count;

    // The array handed out by the last take. Parameters are immutable within a ParameterSet, so an entry that
    // read exactly the same records in the same order as the entry before it (R-11 for each member) shares that
    // entry's array instead of a copy (issue 14).
    private ResolvedParameter[]? lastTaken;

    /// <summary>Forgets everything pending, also what an assessment that threw left behind.</summary>
    public void Reset()
    {
        count = 0;
        lastTaken = null;
        Array.Clear(keys);
    }

    public void Record(ParameterDefinition definition, ResolvedParameter resolved)
    {
        ref var word = ref keys[definition.Ordinal >> 6];
        var bit = 1UL << (definition.Ordinal & 63);
        if ((word & bit) == 0)
        {
            word |= bit;
            if (count == slots.Length)
            {
                Array.Resize(ref slots, count * 2);
            }

            slots[count++].Value = resolved;
        }
    }

    public IReadOnlyList<ResolvedParameter> Take()
    {
        if (count == 0)
        {
            return [];
        }

        var reads = lastTaken is { } last && SameAsPending(last) ? last : CopyPending();
        lastTaken = reads;
        count = 0;
        Array.Clear(keys);
        return reads;
    }

    private bool SameAsPending(ResolvedParameter[] taken)
    {
        if (taken.Length != count)
        {
            return false;
        }

        for (var k = 0; k < count; k++)
        {
            if (!ReferenceEquals(taken[k], slots[k].Value))
            {
                return false;
            }
        }

        return true;
    }

    // An exact-size array per entry: the entry keeps it, the slots are reused. The stale references left in the
    // slots are overwritten by later reads.
    private ResolvedParameter[] CopyPending()
    {
        var reads = new ResolvedParameter[count];
        for (var k = 0; k < reads.Length; k++)
        {
            reads[k] = slots[k].Value;
        }

        return reads;
    }

    private struct Slot
    {
        public ResolvedParameter Value;
    }
}
