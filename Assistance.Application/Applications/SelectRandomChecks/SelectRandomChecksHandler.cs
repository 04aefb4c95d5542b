namespace Assistance.Application.Applications.SelectRandomChecks;

using System.Security.Cryptography;
using Assistance.Application.Abstractions;
using Assistance.Application.Calendar;
using Assistance.Application.Common;
using Assistance.Domain.Applications;
using Assistance.Domain.Regions;
using FluentValidation;

public sealed class SelectRandomChecksHandler(
    IApplicationRepository applications, ICalendarStore calendars, Policy.IPolicyStore policy, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SelectRandomChecksCommand, RandomCheckSelectionDto>
{
    private const string DefaultReason = "County random home check (≥30%, N-43).";

    public async Task<RandomCheckSelectionDto> Handle(SelectRandomChecksCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(RegionCode.Parse(request.RegionCode));
        var county = scope.Root;

        BusinessRulesAtCounty.Check(user);
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var limits = await policy.TimeLimitsAsync(county, cancellationToken).ConfigureAwait(false);
        var today = clock.Today();
        var ids = await applications.ListAwaitingDecisionAsync(scope, Programme.Tekun, cancellationToken).ConfigureAwait(false);
        var loaded = new List<Domain.Applications.Application>();
        foreach (var id in ids)
        {
            if (await applications.GetAsync(scope, id, cancellationToken).ConfigureAwait(false) is { } f)
            {
                loaded.Add(f.Application);
            }
        }

        var already = loaded.Count(a => a.RandomCheckSelected);
        var needed = (int)Math.Ceiling(loaded.Count * limits.TekunRandomCheckMinShare(today)) - already;
        var pool = loaded.Where(a => !a.RandomCheckSelected).ToArray();
        RandomNumberGenerator.Shuffle(pool.AsSpan());
        var picked = pool.Take(Math.Max(0, needed)).ToList();
        foreach (var application in picked)
        {
            var version = application.Version;
            application.SelectForRandomCheck(today, user.Subject, request.Reason ?? DefaultReason);

            // SelectedForRandomCheck is audited from the aggregate's event, in this transaction.
            await applications.SaveAsync(scope, application, version, application.Deadlines(calendar, limits, today), null, cancellationToken).ConfigureAwait(false);
        }

        var share = loaded.Count == 0 ? 0m : decimal.Round((already + picked.Count) / (decimal)loaded.Count, 4);
        return new RandomCheckSelectionDto(county.Value, loaded.Count, already, picked.Select(p => p.Id).ToList(), share);
    }
}
