namespace Assistance.Application.CareAgreements.CreateCareAgreement;

using Assistance.Application.Abstractions;

public sealed record CreateCareAgreementCommand(
    Guid EnrolmentId, string CarerName, string? CarerPhone, string Duties, int VisitFrequencyDays, DateOnly? StartsOn, string? Reason)
    : ICommand<CareAgreementDto>;
