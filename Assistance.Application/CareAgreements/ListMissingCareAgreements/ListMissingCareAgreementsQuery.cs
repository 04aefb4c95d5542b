namespace Assistance.Application.CareAgreements.ListMissingCareAgreements;

using Assistance.Application.Abstractions;

/// <summary>R-23: every decentralized tekun person has a care agreement; this lists those who do not yet.</summary>
public sealed record ListMissingCareAgreementsQuery(string? RegionCode) : IQuery<IReadOnlyList<EnrolmentWithoutAgreementDto>>;
