namespace Assistance.Application.TemporaryAssistance.OpenTemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Domain.Households;
using Assistance.Domain.TemporaryAssistance;

// 临时救助申请: recorded in the township where the emergency happened.
public sealed record OpenTemporaryAssistanceCommand(
    string TownshipCode, TemporaryAssistanceType Type, string PersonName, string IdNumber, DateOnly OccurredOn, string Description,
    decimal AmountRequested, bool UnemployedMigrantGrant, ResidenceType? Residence, string? Reason) : ICommand<TemporaryAssistanceDto>;
