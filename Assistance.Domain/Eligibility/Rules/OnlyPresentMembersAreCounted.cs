namespace Assistance.Domain.Eligibility;

using Assistance.Domain.Households;

/// <summary>R-01; N-57 Art.7: only Present members are counted (计入家庭成员); step 1 of domain.md §3.</summary>
internal static class OnlyPresentMembersAreCounted
{
    public const string Rule = "R-01";
    public const string Source = "N-57 Art.7";

    public static void Apply(AssessmentContext context)
    {
        var members = context.Members;
        var counted = 0;
        for (var i = 0; i < members.Count; i++)
        {
            context.Facts[i].Counted = members[i].Status == MemberStatus.Present;
            counted += context.Facts[i].Counted ? 1 : 0;
        }

        context.CountedMembers = counted;
        if (context.Tracing)
        {
            var detail = context.Detail().Append(AssessmentContext.Invariant, $"counted {counted} of {members.Count}");
            for (var i = 0; i < members.Count; i++)
            {
                if (!context.Facts[i].Counted)
                {
                    detail.Append(AssessmentContext.Invariant, $"; member {i} not counted ({members[i].Status})");
                }
            }

            context.Trace(Rule, "members.counted", Source, counted > 0, detail.ToString());
        }
    }
}
