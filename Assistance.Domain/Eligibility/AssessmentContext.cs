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
    private readonly List<TraceEntry>? trace;
    private StringBuilder? scratch;

    public AssessmentContext(AssessmentInput input, DateOnly[] birthDates, ParameterSet parameters, bool tracing)
    {
        Input = input;
        BirthDates = birthDates;
        Reader = new TracedParameterReader(parameters, tracing);
        // About a dozen entries per household; sized once so the list does not regrow.
        trace = tracing ? new List<TraceEntry>(16) : null;
        var count = input.Members.Count;
        Ages = new int[count];
        Counted = new bool[count];
        DibaoIncome = new decimal[count];
        Outcomes = new AssessmentOutcome[count];
        Amounts = new decimal?[count];
        TekunBasic = new decimal?[count];
        TekunCare = new decimal?[count];
        for (var i = 0; i < count; i++)
        {
            Ages[i] = AgeAt(birthDates[i], input.AsOf);
            Outcomes[i] = AssessmentOutcome.NotEligible;
            Amounts[i] = 0.00m;
        }
    }

    public AssessmentInput Input { get; }

    public IReadOnlyList<MemberInput> Members => Input.Members;

    public TracedParameterReader Reader { get; }

    public bool Tracing => trace is not null;

    public int[] Ages { get; }

    public DateOnly[] BirthDates { get; }

    public bool[] Counted { get; }

    public int CountedMembers { get; set; }

    /// <summary>Step 2 counted income per member (dibao exclusions, employment cost deducted).</summary>
    public decimal[] DibaoIncome { get; }

    public AssessmentOutcome[] Outcomes { get; }

    public decimal?[] Amounts { get; }

    public decimal?[] TekunBasic { get; }

    public decimal?[] TekunCare { get; }

    /// <summary>Standard S = dibao.standard.{urban|rural}; read through <see cref="ReadStandard"/> so each use is traced.</summary>
    public ParameterDefinition StandardKey => Input.Residence == ResidenceType.Urban
        ? ParameterCatalog.DibaoStandardUrban
        : ParameterCatalog.DibaoStandardRural;

    public decimal ReadStandard() => Reader.RequireDecimal(StandardKey);

    public IReadOnlyList<TraceEntry> TraceEntries => trace is null ? [] : trace;

    /// <summary>
    /// The builder for a detail assembled in parts, cleared: one per assessment, reused by each rule in turn
    /// (a rule turns it into the detail string before the next rule runs).
    /// </summary>
    public StringBuilder Detail() => (scratch ??= new StringBuilder(256)).Clear();

    /// <summary>Adds a trace entry carrying every parameter read since the previous entry.</summary>
    public void Trace(string rule, string name, string source, bool passed, string detail)
    {
        trace?.Add(new TraceEntry(rule, name, source, passed, detail, Reader.TakeReads()));
    }

    /// <summary>Rounds one final amount by payment.rounding (domain.md §3 step 6): never in between.</summary>
    public decimal Round(decimal amount) => PaymentRoundingRule.Apply(amount, Reader.RequireString(ParameterCatalog.PaymentRounding));

    /// <summary>
    /// Trace text is culture-independent. Rules format straight into the detail through this provider with
    /// interpolated handlers — <c>{x:F2}</c> for money, <c>{x}</c> for other numbers — so no string is built per
    /// amount. F2 prints a decimal exactly as the custom format "0.00" (two places, midpoint away from zero,
    /// no grouping) in about half the time.
    /// </summary>
    public static CultureInfo Invariant => CultureInfo.InvariantCulture;

    /// <summary>Whole years completed at <paramref name="date"/>.</summary>
    public static int AgeAt(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return date < birth.AddYears(age) ? age - 1 : age;
    }
}
