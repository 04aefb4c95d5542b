namespace Assistance.Domain.Eligibility;

using System.Globalization;
using System.Text;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;

/// <summary>
/// Working state of one assessment: the validated input, derived member facts, the traced parameter reader
/// and the trace being written. Lives for one call; nothing in it is shared.
/// </summary>
internal sealed class AssessmentContext
{
    // Largest builder kept between assessments; an unusually long detail does not pin its memory for good.
    private const int MaxKeptScratch = 4096;

    // The trace's working buffers are per thread, not per assessment: an assessment runs synchronously on one
    // thread and never re-enters the engine, and each rule turns the detail into its string before the next rule
    // runs, so one set serves every traced assessment on the thread and an assessment allocates none of them
    // (issue 14): the detail builder and text buffer, the reader's pending reads, and the entries so far.
    [ThreadStatic]
    private static TraceScratch? threadScratch;

    /// <summary>
    /// Characters in the buffer for a detail written in one interpolation (<c>string.Create(Invariant,
    /// context.DetailBuffer(), $"…")</c>): the span-based handler fills it and the string is copied out once, with
    /// neither the builder's per-hole chunk checks nor a pooled buffer (issue 14). Longer than any such detail
    /// (≈ 100–250 characters); a longer text would still be complete, the handler then rents a bigger buffer.
    /// </summary>
    public const int DetailBufferLength = 384;

    private readonly TraceScratch? scratch;
    private int traceCount;

    public AssessmentContext(AssessmentInput input, MemberFacts[] facts, ParameterSet parameters, bool tracing)
    {
        Input = input;
        Facts = facts;
        scratch = tracing ? ThreadScratch() : null;
        Reader = new TracedParameterReader(parameters, scratch?.Reads);
        for (var i = 0; i < facts.Length; i++)
        {
            ref var member = ref facts[i];
            member.Age = AgeAt(member.BirthDate, input.AsOf);
            member.Outcome = AssessmentOutcome.NotEligible;
            member.Amount = 0.00m;
        }
    }

    public AssessmentInput Input { get; }

    public IReadOnlyList<MemberInput> Members => Input.Members;

    public TracedParameterReader Reader { get; }

    public bool Tracing => scratch is not null;

    /// <summary>
    /// What the rules derive per member, indexed like <see cref="Members"/>: one array of structs rather than an
    /// array per fact, so an assessment allocates one block for its members instead of nine arrays (issue 14).
    /// Rules update an element in place through <c>ref</c> or <c>Facts[i].Field = …</c>.
    /// </summary>
    public MemberFacts[] Facts { get; }

    public int CountedMembers { get; set; }

    /// <summary>Standard S = dibao.standard.{urban|rural}; read through <see cref="ReadStandard"/> so each use is traced.</summary>
    public ParameterDefinition StandardKey => Input.Residence == ResidenceType.Urban
        ? ParameterCatalog.DibaoStandardUrban
        : ParameterCatalog.DibaoStandardRural;

    public decimal ReadStandard() => Reader.RequireDecimal(StandardKey);

    /// <summary>
    /// The trace, in an array of exactly its length (a list grown to 16 slots held more and cost a second
    /// object); the thread's entry buffer is cleared so it keeps no result alive. Called once, at the end.
    /// </summary>
    public IReadOnlyList<TraceEntry> TakeTrace()
    {
        if (scratch is null || traceCount == 0)
        {
            return [];
        }

        var entries = scratch.Entries.AsSpan(0, traceCount);
        var trace = entries.ToArray();
        entries.Clear();
        traceCount = 0;
        return trace;
    }

    /// <summary>
    /// The builder for a detail, cleared: one per thread, reused by each rule in turn (a rule turns it into the
    /// detail string before the next rule runs). Every detail built in steps (a loop, optional parts) is written
    /// through it, so no rule rents and returns a buffer of its own; a detail written in one interpolation uses a
    /// buffer of the thread instead (<see cref="DetailBuffer"/>).
    /// </summary>
    public StringBuilder Detail() => scratch is null ? new StringBuilder() : scratch.Builder.Clear();

    /// <summary>
    /// The thread's buffer for a detail written in one interpolation, <see cref="DetailBufferLength"/> characters: used
    /// like a stack buffer, but not cleared on every use as a <c>stackalloc</c> is. Only while tracing.
    /// </summary>
    public Span<char> DetailBuffer() => scratch!.Text;

    /// <summary>Adds a trace entry carrying every parameter read since the previous entry.</summary>
    public void Trace(string rule, string name, string source, bool passed, string detail)
    {
        if (scratch is null)
        {
            return;
        }

        if (traceCount == scratch.Entries.Length)
        {
            Array.Resize(ref scratch.Entries, traceCount * 2);
        }

        scratch.Entries[traceCount++] = new TraceEntry(rule, name, source, passed, detail, Reader.TakeReads());
    }

    private static TraceScratch ThreadScratch()
    {
        var current = threadScratch;
        if (current is null || current.Builder.Capacity > MaxKeptScratch)
        {
            threadScratch = current = new TraceScratch();
        }

        current.Builder.Clear();
        return current;
    }

    /// <summary>Rounds one final amount by payment.rounding (domain.md §3 step 6): never in between.</summary>
    public decimal Round(decimal amount) => PaymentRoundingRule.Apply(amount, Reader.RequireString(ParameterCatalog.PaymentRounding));

    /// <summary>
    /// Trace text is culture-independent. Rules format straight into the detail through this provider with
    /// interpolated handlers — <c>{F2(x)}</c> for money, <c>{G(x)}</c> for other decimals, <c>{x}</c> for
    /// integers — so no string is built per amount. <see cref="TraceFormat"/> prints decimals exactly as the
    /// built-in "F2" and default formats do, without their general number buffer.
    /// </summary>
    public static CultureInfo Invariant => CultureInfo.InvariantCulture;

    /// <summary>Whole years completed at <paramref name="date"/>.</summary>
    public static int AgeAt(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return date < birth.AddYears(age) ? age - 1 : age;
    }
}

/// <summary>A thread's trace buffers, lent to one traced assessment at a time (see <c>threadScratch</c>).</summary>
internal sealed class TraceScratch
{
    public readonly StringBuilder Builder = new(512);

    public readonly char[] Text = new char[AssessmentContext.DetailBufferLength];

    public readonly PendingReads Reads = new();

    // About a dozen entries per household; grown (and kept) when a trace is longer.
    public TraceEntry[] Entries = new TraceEntry[32];
}

/// <summary>One member's derived facts during an assessment (see <see cref="AssessmentContext.Facts"/>).</summary>
internal struct MemberFacts
{
    /// <summary>Given, or taken from the ID number by the validator.</summary>
    public DateOnly BirthDate;

    /// <summary>Whole years at the assessment date.</summary>
    public int Age;

    /// <summary>Step 1: a present member.</summary>
    public bool Counted;

    /// <summary>Step 3: assessed individually as tekun, so not in the dibao unit.</summary>
    public bool IsTekun;

    public AssessmentOutcome Outcome;

    /// <summary>Step 2 counted income (dibao exclusions, employment cost deducted).</summary>
    public decimal DibaoIncome;

    public decimal? Amount;

    public decimal? TekunBasic;

    public decimal? TekunCare;
}
