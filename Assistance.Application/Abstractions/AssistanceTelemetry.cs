namespace Assistance.Application.Abstractions;

using System.Diagnostics;
using System.Diagnostics.Metrics;

/// <summary>
/// The application's own traces and metrics, on the runtime's <see cref="ActivitySource"/> and <see cref="Meter"/> (no
/// telemetry package here): the host exports them with OpenTelemetry (docs/operations.md, "Telemetry"). Without a
/// listener, starting an activity returns null and recording a counter does nothing.
/// </summary>
public static class AssistanceTelemetry
{
    public const string Name = "Assistance";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Assessments by household outcome (tag <c>outcome</c>).</summary>
    public static readonly Counter<long> Assessments = Meter.CreateCounter<long>("assistance.assessments", "{assessment}", "Eligibility assessments by household outcome.");

    /// <summary>Commands answered from a stored idempotent response (tag <c>use_case</c>).</summary>
    public static readonly Counter<long> IdempotencyReplays = Meter.CreateCounter<long>(
        "assistance.idempotency.replays", "{request}", "Commands answered from the stored response of an earlier request with the same Idempotency-Key.");

    /// <summary>Background job runs (tags <c>job</c> and <c>result</c>).</summary>
    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("assistance.jobs.runs", "{run}", "Background job runs by job and result.");
}
