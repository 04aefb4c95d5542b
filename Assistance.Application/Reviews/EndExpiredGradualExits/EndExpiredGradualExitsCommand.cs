namespace Assistance.Application.Reviews.EndExpiredGradualExits;

using Assistance.Application.Abstractions;

/// <summary>
/// Ends, as of a date, the enrolments whose gradual exit has run its length and those whose termination a review
/// moratorium postponed, where no moratorium is in force on that date. Idempotent: what it ended is not selected
/// again. Run daily by the scheduler; also on demand.
/// </summary>
/// <param name="AsOf">The day it runs for (defaults to today; never after today).</param>
public sealed record EndExpiredGradualExitsCommand(DateOnly? AsOf) : ICommand<ExitsAppliedDto>;
