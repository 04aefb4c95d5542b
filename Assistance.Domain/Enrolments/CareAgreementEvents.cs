namespace Assistance.Domain.Enrolments;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>A care agreement was made for a decentralized tekun person .</summary>
public sealed record CareAgreementCreated(CareAgreementState Agreement, string? Reason) : IDomainEvent;

/// <summary>A visit to a decentralized tekun person was recorded under the agreement .</summary>
public sealed record CareVisitRecorded(Guid AgreementId, RegionCode Region, DateOnly? LastVisitOnBefore, CareVisit Visit) : IDomainEvent;
