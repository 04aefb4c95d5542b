namespace Assistance.Domain.Enrolments;

using Assistance.Domain.Common;

/// <summary>A recorded visit to a decentralized tekun person.</summary>
public sealed record CareVisit(Guid Id, DateOnly VisitedOn, string Visitor, string Notes);

/// <summary>
/// 关爱照料协议 (R-23; S0 一; S1 一.3): every decentralized tekun person has a carer with duties and a visit frequency.
/// A visit is overdue when more than the visit frequency days passed since the last visit (or the start).
/// </summary>
public static class CareAgreementRules
{
    public static void CheckCanCreate(Applications.Programme programme, CareSetting? careSetting, EnrolmentStatus status)
    {
        if (programme != Applications.Programme.Tekun || careSetting != CareSetting.Decentralized)
        {
            throw new BusinessRuleViolationException(
                "care-agreement.needs-decentralized-tekun", "A care agreement is made for a decentralized tekun person (分散供养).", "R-23; S0 一; S1 一.3");
        }

        if (status == EnrolmentStatus.Ended)
        {
            throw new BusinessRuleViolationException("care-agreement.enrolment-ended", "The enrolment has ended.", "R-22");
        }
    }

    public static DateOnly NextVisitDue(DateOnly startsOn, DateOnly? lastVisitOn, int visitFrequencyDays) =>
        (lastVisitOn ?? startsOn).AddDays(visitFrequencyDays);

    public static bool IsVisitOverdue(DateOnly startsOn, DateOnly? lastVisitOn, int visitFrequencyDays, DateOnly today) =>
        today > NextVisitDue(startsOn, lastVisitOn, visitFrequencyDays);
}
