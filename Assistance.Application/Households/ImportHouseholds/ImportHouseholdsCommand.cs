namespace Assistance.Application.Households.ImportHouseholds;

using System.Text.Json.Serialization;
using Assistance.Application.Abstractions;

/// <summary>
/// Registers many households from an NDJSON body (POST /api/v1/household-imports). The idempotency hash covers
/// <see cref="ContentSha256"/> (the body's digest), not the body itself.
/// </summary>
public sealed record ImportHouseholdsCommand(string ContentSha256, long ContentLength, [property: JsonIgnore] IHouseholdImportBody Body)
    : ICommand<HouseholdImportDto>;
