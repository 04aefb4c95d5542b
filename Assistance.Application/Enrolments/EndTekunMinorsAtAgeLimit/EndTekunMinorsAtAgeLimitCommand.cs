namespace Assistance.Application.Enrolments.EndTekunMinorsAtAgeLimit;

using Assistance.Application.Abstractions;

/// <summary>
/// ends the tekun enrolments of persons enrolled as minors who reached <c>tekun.minorAgeLimit</c> by
/// <paramref name="AsOf"/>, unless in school (or holding a qualifying disability). Idempotent: an ended enrolment is
/// not selected again. The scheduler runs it daily for the day.
/// </summary>
public sealed record EndTekunMinorsAtAgeLimitCommand(DateOnly AsOf) : ICommand<TekunMinorAgeLimitRunDto>;
