namespace Assistance.Infrastructure.Scheduling.Jobs;

using Assistance.Application.Enrolments.EndTekunMinorsAtAgeLimit;
using Assistance.Application.Abstractions;

/// <summary>
/// Daily (R-34; N-43): ends the tekun support of persons enrolled as minors who reached <c>tekun.minorAgeLimit</c>, unless
/// recorded as in school — the same use case as POST /api/v1/enrolments/tekun-minor-age-limit, as the system.
/// </summary>
public sealed class TekunMinorAgeLimitJob(ISender sender) : IScheduledJob
{
    public static string Name => "tekun-minor-age-limit";

    public static string Description => "Daily (R-34): ends tekun support of persons who reached the minor age limit and are not recorded as in school.";

    public static string DefaultSchedule => "0 45 1 * * ?";

    public static JobPeriodKind PeriodKind => JobPeriodKind.Day;

    public async Task<IReadOnlyDictionary<string, long>> RunAsync(JobPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var run = await sender.Send(new EndTekunMinorsAtAgeLimitCommand(period.FirstDay), cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, long> { ["ended"] = run.Ended.Count, ["continuing"] = run.Continuing.Count };
    }
}
