namespace Assistance.Application.CareAgreements;

using System.ComponentModel.DataAnnotations;

/// <summary>A decentralized tekun enrolment still without its care agreement.</summary>
public sealed record EnrolmentWithoutAgreementDto(Guid EnrolmentId, [property: MaxLength(12)] string RegionCode, Guid? PersonMemberId, DateOnly ApprovedOn);
