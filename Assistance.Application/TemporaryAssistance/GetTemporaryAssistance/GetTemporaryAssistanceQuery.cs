namespace Assistance.Application.TemporaryAssistance.GetTemporaryAssistance;

using Assistance.Application.Abstractions;

public sealed record GetTemporaryAssistanceQuery(Guid Id) : IQuery<TemporaryAssistanceDto>;
