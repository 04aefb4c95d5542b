namespace Assistance.Domain.Policy;

/// <summary>A policy document a parameter value cites (S0…S4, N-…), from policy/sources.json.</summary>
public sealed record PolicySource(string Id, string Title, string? DocumentNumber, string Jurisdiction, DateOnly? Date, DateOnly? InForceFrom, string? File);
