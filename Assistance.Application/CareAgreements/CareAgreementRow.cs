namespace Assistance.Application.CareAgreements;

public sealed record CareAgreementRow(
    Guid Id, string RegionCode, Guid EnrolmentId, string CarerName, string? CarerPhone, string Duties, int VisitFrequencyDays, DateOnly StartsOn,
    DateOnly? LastVisitOn, long Version);
