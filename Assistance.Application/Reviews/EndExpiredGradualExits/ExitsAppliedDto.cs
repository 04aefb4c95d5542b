namespace Assistance.Application.Reviews.EndExpiredGradualExits;

using System.ComponentModel.DataAnnotations;

/// <summary>What one run ended.</summary>
/// <param name="AsOf">The day it ran for.</param>
/// <param name="Ended">The enrolments it ended, with why and on which day.</param>
public sealed record ExitsAppliedDto(DateOnly AsOf, [property: MaxLength(100000)] IReadOnlyList<ExitAppliedDto> Ended);

/// <summary>One ended enrolment.</summary>
/// <param name="EnrolmentId">The enrolment.</param>
/// <param name="Kind">GradualExitCompleted or PostponedTermination .</param>
/// <param name="EndedOn">Its last day: nothing is paid for later months.</param>
public sealed record ExitAppliedDto(Guid EnrolmentId, [property: MaxLength(40)] string Kind, DateOnly EndedOn);
