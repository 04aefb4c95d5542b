namespace Assistance.Application.StatusQueries;

using System.ComponentModel.DataAnnotations;

/// <summary>One person asked about: the partner's own reference (echoed back, as in the DCI registry search) and the ID number.</summary>
/// <param name="ReferenceId">The caller's reference for this item, unique in the batch; echoed in the answer.</param>
/// <param name="IdNumber">The 18-character resident ID number (GB 11643).</param>
public sealed record StatusQueryItem(
    [property: Required, MinLength(1), MaxLength(64)] string ReferenceId,
    [property: Required, MinLength(18), MaxLength(18)] string IdNumber);
