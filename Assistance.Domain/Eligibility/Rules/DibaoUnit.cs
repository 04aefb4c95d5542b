namespace Assistance.Domain.Eligibility;

/// <summary>
/// The counted members left after tekun members are taken out (domain.md §3 step 3): they form the dibao
/// unit of steps 4 and 5. <see cref="TotalIncome"/> is their step-2 counted income; P = TotalIncome / N.
/// </summary>
internal sealed class DibaoUnit
{
    public DibaoUnit(AssessmentContext context, bool[] isTekun)
    {
        Members = new int[CountRemaining(context, isTekun)];
        var k = 0;
        for (var i = 0; i < context.Members.Count; i++)
        {
            if (context.Counted[i] && !isTekun[i])
            {
                Members[k++] = i;
                TotalIncome += context.DibaoIncome[i];
            }
        }
    }

    /// <summary>Member indices in the unit.</summary>
    public int[] Members { get; }

    public int N => Members.Length;

    public decimal TotalIncome { get; }

    /// <summary>Per-capita counted income P; for display only, comparisons multiply instead of dividing.</summary>
    public decimal PerCapitaIncome => TotalIncome / N;

    private static int CountRemaining(AssessmentContext context, bool[] isTekun)
    {
        var n = 0;
        for (var i = 0; i < context.Members.Count; i++)
        {
            n += context.Counted[i] && !isTekun[i] ? 1 : 0;
        }

        return n;
    }
}
