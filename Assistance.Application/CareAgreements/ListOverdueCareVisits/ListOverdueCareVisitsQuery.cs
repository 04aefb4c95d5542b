namespace Assistance.Application.CareAgreements.ListOverdueCareVisits;

using Assistance.Application.Abstractions;

public sealed record ListOverdueCareVisitsQuery(string? RegionCode) : IQuery<IReadOnlyList<CareAgreementDto>>;
