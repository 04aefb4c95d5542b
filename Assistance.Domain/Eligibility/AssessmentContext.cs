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

    // The detail builder is per thread, not per assessment: an assessment runs synchronously on one thread and
    // never re-enters the engine, and each rule turns the builder into its string before the next rule runs,
    // so one builder serves every assessment on the thread and a traced assessment does not allocate its own
    // buffer (issue 14).
    [ThreadStatic]
    private static StringBuilder? threadScratch;

    /// <summary>
    /// Characters of stack for a detail written in one interpolation (<c>string.Create(Invariant, stackalloc
    /// char[DetailStack], $"…")</c>): the span-based handler fills it and the string is copied out once, with
    /// neither the builder's per-hole chunk checks nor a pooled buffer (issue 14). Longer than any such detail
    /// (≈ 100–250 characters); a longer text would still be complete, the handler then rents a bigger buffer.
    /// </summary>
    public const int DetailStack = 384;

    private readonly List<TraceEntry>? trace;
    private readonly StringBuilder? scratch;

    public AssessmentContext(AssessmentInput input, MemberFacts[] facts, ParameterSet parameters, bool tracing)
    {
        Input = input;
        Facts = facts;
        Reader = new TracedParameterReader(parameters, tracing);
        // About a dozen entries per household; sized once so the list does not regrow.
        trace = tracing ? new List<TraceEntry>(16) : null;
        scratch = tracing ? ThreadScratch() : null;
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

    public bool Tracing => trace is not null;

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

    public IReadOnlyList<TraceEntry> TraceEntries => trace is null ? [] : trace;

    /// <summary>
    /// The builder for a detail, cleared: one per thread, reused by each rule in turn (a rule turns it into the
    /// detail string before the next rule runs). Every detail built in steps (a loop, optional parts) is written
    /// through it, so no rule rents and returns a buffer of its own; a detail written in one interpolation uses a
    /// stack buffer instead (<see cref="DetailStack"/>).
    /// </summary>
    public StringBuilder Detail() => scratch is null ? new StringBuilder() : scratch.Clear();

    /// <summary>Adds a trace entry carrying every parameter read since the previous entry.</summary>
    public void Trace(string rule, string name, string source, bool passed, string detail)
    {
        trace?.Add(new TraceEntry(rule, name, source, passed, detail, Reader.TakeReads()));
    }

    private static StringBuilder ThreadScratch()
    {
        var builder = threadScratch;
        if (builder is null || builder.Capacity > MaxKeptScratch)
        {
            threadScratch = builder = new StringBuilder(512);
        }

        return builder;
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
