namespace Assistance.Application.Applications.SubmitApplication;

using Assistance.Application.Abstractions;
using Assistance.Application.Calendar;
using Assistance.Application.Common;
using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using CaseApplication = Assistance.Domain.Applications.Application;

public sealed class SubmitApplicationHandler(
    IHouseholdDirectory households,
    IApplicationRepository applications,
    ICloseRelativeMatcher relatives,
    ICalendarStore calendars,
    Policy.IPolicyStore policy,
    Regions.IRegionQueries regions,
    ICurrentUser user,
    TimeProvider clock) : ICommandHandler<SubmitApplicationCommand, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(SubmitApplicationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var household = await households.FindAsync(user.Scope, request.HouseholdId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Household", request.HouseholdId.ToString());
        var region = request.RegionCode is null ? household.Region : RegionCode.Parse(request.RegionCode);
        user.Scope.Require(region);

        FieldRules.Check(new RegionIsInTheRegister(region, await regions.ExistsAsync(region, cancellationToken).ConfigureAwait(false)), "regionCode");
        var applicant = household.Members.FirstOrDefault(m => m.Id == request.ApplicantMemberId);
        var open = await applications.FindOpenAsync(user.Scope, household.Id, request.Programme, cancellationToken).ConfigureAwait(false);
        var conflicts = await relatives.FindAsync(region.County, household.Members.Select(m => m.IdNumber).ToList(), cancellationToken).ConfigureAwait(false);
        var today = clock.Today();
        var application = CaseApplication.Submit(new ApplicationSubmission
        {
            Id = Guid.CreateVersion7(),
            Region = region,
            HouseholdId = household.Id,
            ApplicantMemberId = request.ApplicantMemberId,
            ApplicantStatus = applicant?.Status,
            OpenApplicationId = open,
            Programme = request.Programme,
            Channel = request.Channel,
            SignedCommitment = request.SignedCommitment,
            HouseholdRegisteredInRegion = region.Contains(household.Region),
            ResidencePermit = request.ResidencePermit,
            Conflicts = [.. conflicts],
            SubmittedOn = today,
            Actor = user.Subject,
            Reason = request.Reason,
        });
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var limits = await policy.TimeLimitsAsync(region, cancellationToken).ConfigureAwait(false);
        // Submitted (and ConflictOfInterestFlagged) are audited from the aggregate's events, in this transaction.
        await applications.AddAsync(user.Scope, application, application.Deadlines(calendar, limits, today), cancellationToken).ConfigureAwait(false);
        return ApplicationDto.From(application, null, calendar, limits, today);
    }
}
