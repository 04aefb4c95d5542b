namespace Assistance.Application.CareAgreements;

using System.ComponentModel.DataAnnotations;

/// <summary>关爱照料协议 of a decentralized tekun person with its visit record.</summary>
public sealed record CareAgreementDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    Guid EnrolmentId,
    [property: MaxLength(100)] string CarerName,
    [property: MaxLength(40)] string? CarerPhone,
    [property: MaxLength(4000)] string Duties,
    [property: Range(1, 366)] int VisitFrequencyDays,
    DateOnly StartsOn,
    DateOnly? LastVisitOn,
    DateOnly NextVisitDue,
    bool VisitOverdue,
    [property: MaxLength(10000)] IReadOnlyList<CareVisitDto> Visits,
    [property: Range(0, long.MaxValue)] long Version);

/// <summary>A recorded visit.</summary>
public sealed record CareVisitDto(Guid Id, DateOnly VisitedOn, [property: MaxLength(100)] string Visitor, [property: MaxLength(4000)] string Notes);
