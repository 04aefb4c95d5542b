namespace Assistance.Application.Enrolments.RecordWorkRefusal;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Households;
using Assistance.Application.Policy;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;

/// <summary>
/// R-35 (N-57 Art.34): records the refusal; the one that completes <c>dibao.workRefusal.consecutiveRefusalsToCut</c>
/// consecutive unjustified refusals cuts the member's share from the month after the refusal (Enrolment.RecordWorkRefusal).
/// </summary>
public sealed class RecordWorkRefusalHandler(
    IEnrolmentRepository enrolments, IWorkRefusalStore refusals, IHouseholdQueries households, IPolicyStore policy, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordWorkRefusalCommand, WorkRefusalDto>
{
    public async Task<WorkRefusalDto> Handle(RecordWorkRefusalCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope;
        var found = VersionedLoad.Require(
            await enrolments.GetAsync(scope, request.EnrolmentId, cancellationToken).ConfigureAwait(false), "Enrolment", request.EnrolmentId, request.ExpectedVersion,
            x => x.Enrolment.Version);
        var e = found.Enrolment;
        var loaded = e.Version;
        var today = clock.Today();
        var before = await refusals.ConsecutiveUnjustifiedAsync(scope, e.Id, request.MemberId, cancellationToken).ConfigureAwait(false);
        var reader = await PolicyReader.ForAsync(policy, e.Region, request.RefusedOn, cancellationToken).ConfigureAwait(false);
        var refusalsToCut = reader.RequireInteger(ParameterCatalog.WorkRefusalsBeforeShareCut);
        var household = await households.GetAsync(scope, e.HouseholdId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Household", e.HouseholdId.ToString());
        var counted = e.Covered.Count(c => household.FindMember(c.MemberId) is { Details.Status: MemberStatus.Present });

        var id = Guid.CreateVersion7();
        var amountBefore = e.MonthlyAmount;
        var share = e.RecordWorkRefusal(id, request.MemberId, request.RefusedOn, request.Offer, request.Justified, before, refusalsToCut, counted, today);
        var consecutive = request.Justified ? 0 : before + 1;
        await refusals.AddAsync(scope, new WorkRefusalRecord(
            id, e.Region, e.Id, request.MemberId, request.RefusedOn, request.Offer, request.Justified, request.Justification, consecutive, share, user.Subject), cancellationToken)
            .ConfigureAwait(false);
        await enrolments.SaveAsync(scope, e, loaded, cancellationToken).ConfigureAwait(false);
        var effective = new DateOnly(request.RefusedOn.Year, request.RefusedOn.Month, 1).AddMonths(1);
        return new WorkRefusalDto(
            id, e.Id, request.MemberId, request.RefusedOn, request.Offer, request.Justified, request.Justification, consecutive, refusalsToCut,
            share, amountBefore, e.MonthlyAmount, share is null ? null : effective.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), e.Version);
    }
}
