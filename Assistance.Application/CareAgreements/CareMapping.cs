namespace Assistance.Application.CareAgreements;

using Assistance.Domain.Enrolments;

internal static class CareMapping
{
    public static CareAgreementDto ToDto(CareAgreement a, IReadOnlyList<CareVisit> visits, DateOnly today) => new(
        a.Id, a.Region.Value, a.EnrolmentId, a.CarerName, a.CarerPhone, a.Duties, a.VisitFrequencyDays, a.StartsOn, a.LastVisitOn,
        a.NextVisitDue, a.IsVisitOverdue(today),
        visits.Select(v => new CareVisitDto(v.Id, v.VisitedOn, v.Visitor, v.Notes)).ToList(), a.Version);
}
