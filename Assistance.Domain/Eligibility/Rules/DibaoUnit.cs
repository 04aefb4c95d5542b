namespace Assistance.Domain.Eligibility;

/// <summary>
/// The counted members left after tekun members are taken out (domain.md §3 step 3): they form the dibao
/// unit of steps 4 and 5. <see cref="TotalIncome"/> is their step-2 counted income; P = TotalIncome / N.
/// </summary>
internal sealed class DibaoUnit
{
    private decimal? perCapitaIncome;

    public DibaoUnit(AssessmentContext context)
    {
        Members = new int[CountRemaining(context)];
        var k = 0;
        for (var i = 0; i < context.Members.Count; i++)
        {
            if (context.Facts[i].Counted && !context.Facts[i].IsTekun)
            {
                Members[k++] = i;
                TotalIncome += context.Facts[i].DibaoIncome;
            }
        }
    }

    /// <summary>Member indices in the unit.</summary>
    public int[] Members { get; }

    public int N => Members.Length;

    public decimal TotalIncome { get; }

    /// <summary>Per-capita counted income P; for display only, comparisons multiply instead of dividing.</summary>
    /// <remarks>
    /// Trace entries print P up to five times (R-14, R-16 three times, R-18) through <c>TraceFormat.F2(TotalIncome, N)</c>,
    /// which prints the quotient from whole cents without this 28-digit decimal division (issue 14). Only the R-16
    /// inclusion detail computes with P (P − rigid/n): divided once, on first use, never when tracing is off.
    /// </remarks>
    public decimal PerCapitaIncome => perCapitaIncome ??= TotalIncome / N;

    private static int CountRemaining(AssessmentContext context)
    {
        var n = 0;
        for (var i = 0; i < context.Members.Count; i++)
        {
            n += context.Facts[i].Counted && !context.Facts[i].IsTekun ? 1 : 0;
        }

        return n;
    }
}
