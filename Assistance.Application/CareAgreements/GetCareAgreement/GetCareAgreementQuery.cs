namespace Assistance.Application.CareAgreements.GetCareAgreement;

using Assistance.Application.Abstractions;

public sealed record GetCareAgreementQuery(Guid Id) : IQuery<CareAgreementDto>;
