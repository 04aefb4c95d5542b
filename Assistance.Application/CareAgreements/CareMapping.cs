namespace Assistance.Application.CareAgreements;

using Assistance.Domain.Enrolments;

internal static class CareMapping
{
    public static CareAgreementDto ToDto(CareAgreementRow r, IReadOnlyList<CareVisit> visits, DateOnly today) => new(
        r.Id, r.RegionCode, r.EnrolmentId, r.CarerName, r.CarerPhone, r.Duties, r.VisitFrequencyDays, r.StartsOn, r.LastVisitOn,
        CareAgreementRules.NextVisitDue(r.StartsOn, r.LastVisitOn, r.VisitFrequencyDays),
        CareAgreementRules.IsVisitOverdue(r.StartsOn, r.LastVisitOn, r.VisitFrequencyDays, today),
        visits.Select(v => new CareVisitDto(v.Id, v.VisitedOn, v.Visitor, v.Notes)).ToList(), r.Version);
}
