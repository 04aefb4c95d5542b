namespace Assistance.Application.PaymentRolls.GeneratePaymentRoll;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;

/// <summary>Generate the roll of a county, month and programme, once.</summary>
public sealed record GeneratePaymentRollCommand(string? RegionCode, string? Month, Programme Programme) : ICommand<PaymentRollGenerationDto>;
