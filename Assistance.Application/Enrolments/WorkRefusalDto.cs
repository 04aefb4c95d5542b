namespace Assistance.Application.Enrolments;

using System.ComponentModel.DataAnnotations;

/// <summary>A recorded refusal of suitable work and what it did to the enrolment (R-35; N-57 Art.34).</summary>
/// <param name="Id">Refusal id.</param>
/// <param name="EnrolmentId">The enrolment paying the member.</param>
/// <param name="MemberId">The member who refused.</param>
/// <param name="RefusedOn">When.</param>
/// <param name="Offer">What work was offered.</param>
/// <param name="Justified">Whether the refusal had a justified reason (it then ends the run of refusals).</param>
/// <param name="Justification">The justified reason.</param>
/// <param name="ConsecutiveUnjustified">Consecutive unjustified refusals including this one.</param>
/// <param name="RefusalsToCut">The parameter in force: the refusal that reaches it cuts the share.</param>
/// <param name="ShareCut">The member's share cut by this refusal, or null.</param>
/// <param name="AmountBefore">The enrolment's monthly amount before.</param>
/// <param name="AmountAfter">The enrolment's monthly amount after.</param>
/// <param name="EffectiveMonth">First month paid at the reduced amount (YYYY-MM), when cut.</param>
/// <param name="EnrolmentVersion">The enrolment's new version (its ETag for the next change).</param>
public sealed record WorkRefusalDto(
    Guid Id,
    Guid EnrolmentId,
    Guid MemberId,
    DateOnly RefusedOn,
    [property: MaxLength(2000)] string Offer,
    bool Justified,
    [property: MaxLength(2000)] string? Justification,
    [property: Range(0, 1000)] int ConsecutiveUnjustified,
    [property: Range(1, 100)] int RefusalsToCut,
    decimal? ShareCut,
    decimal AmountBefore,
    decimal AmountAfter,
    [property: MaxLength(7)] string? EffectiveMonth,
    [property: Range(0, long.MaxValue)] long EnrolmentVersion);
