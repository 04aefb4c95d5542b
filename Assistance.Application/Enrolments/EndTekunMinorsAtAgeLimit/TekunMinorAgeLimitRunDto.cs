namespace Assistance.Application.Enrolments.EndTekunMinorsAtAgeLimit;

using System.ComponentModel.DataAnnotations;

/// <summary>What a run of the R-34 minor-age check did.</summary>
/// <param name="AsOf">The date checked.</param>
/// <param name="Ended">Enrolments ended (as of the day the limit was reached).</param>
/// <param name="Continuing">Persons past the limit who keep support, and why.</param>
public sealed record TekunMinorAgeLimitRunDto(
    DateOnly AsOf, [property: MaxLength(100000)] IReadOnlyList<TekunMinorOutcomeDto> Ended, [property: MaxLength(100000)] IReadOnlyList<TekunMinorOutcomeDto> Continuing);

/// <summary>One tekun person past the minor age limit.</summary>
/// <param name="EnrolmentId">The tekun enrolment.</param>
/// <param name="MemberId">The person.</param>
/// <param name="LimitReachedOn">The day they reached the limit.</param>
/// <param name="Outcome">Ended, InSchool or QualifyingDisability.</param>
public sealed record TekunMinorOutcomeDto(Guid EnrolmentId, Guid MemberId, DateOnly LimitReachedOn, [property: MaxLength(30)] string Outcome);
