namespace Assistance.Application.Applications.GetApplication;

using Assistance.Application.Abstractions;
using Assistance.Application.Calendar;
using Assistance.Application.Common;

public sealed class GetApplicationHandler(IApplicationRepository applications, ICalendarStore calendars, Policy.IPolicyStore policy, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetApplicationQuery, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(GetApplicationQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await applications.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false);
        if (found is not { } f)
        {
            throw new NotFoundException("Application", request.Id.ToString());
        }

        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var limits = await policy.TimeLimitsAsync(f.Application.Region, cancellationToken).ConfigureAwait(false);
        return ApplicationDto.From(f.Application, f.AssessmentJson, calendar, limits, clock.Today());
    }
}
