namespace Assistance.Application.Enrolments.EndTekunMinorsAtAgeLimit;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Policy;
using Assistance.Domain.Common;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

public sealed class EndTekunMinorsAtAgeLimitHandler(
    ITekunMinorQueries queries, IEnrolmentRepository enrolments, IPolicyStore policy, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<EndTekunMinorsAtAgeLimitCommand, TekunMinorAgeLimitRunDto>
{
    public async Task<TekunMinorAgeLimitRunDto> Handle(EndTekunMinorsAtAgeLimitCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = clock.Today();
        if (request.AsOf > today)
        {
            throw new DomainValidationException("asOf", "asOf is a day that has come: support ends on reaching the limit, not before.");
        }

        var scope = user.Scope;
        var regions = await queries.RegionsWithActiveTekunAsync(scope, cancellationToken).ConfigureAwait(false);
        var limits = new List<RegionAgeLimit>();
        var continueInSchool = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var reader = await PolicyReader.ForAsync(policy, RegionCode.Parse(region), request.AsOf, cancellationToken).ConfigureAwait(false);
            limits.Add(new RegionAgeLimit(region, reader.RequireInteger(ParameterCatalog.TekunMinorAgeLimit)));
            continueInSchool[region] = reader.RequireBoolean(ParameterCatalog.TekunContinueInSchool);
        }

        var ended = new List<TekunMinorOutcomeDto>();
        var continuing = new List<TekunMinorOutcomeDto>();
        var candidates = await queries.CandidatesAsync(scope, request.AsOf, limits, cancellationToken).ConfigureAwait(false);
        foreach (var c in candidates)
        {
            var limit = limits.First(l => l.RegionCode == c.RegionCode).MinorAgeLimit;
            var rule = new TekunMinorSupportEndsAtTheMinorAgeLimit(c.BirthDate, c.ApprovedOn, request.AsOf, limit, continueInSchool[c.RegionCode], c.InSchool, c.Disability);
            if (!rule.IsBroken())
            {
                continuing.Add(new TekunMinorOutcomeDto(c.EnrolmentId, c.MemberId, rule.LimitReachedOn, c.InSchool ? "InSchool" : "QualifyingDisability"));
                continue;
            }

            var found = await enrolments.GetAsync(scope, c.EnrolmentId, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException("Enrolment", c.EnrolmentId.ToString());
            var e = found.Enrolment;
            var loaded = e.Version;
            e.End(today, $"{rule.Source}: {rule.Message}", rule.LimitReachedOn);
            await enrolments.SaveAsync(scope, e, loaded, cancellationToken).ConfigureAwait(false);
            ended.Add(new TekunMinorOutcomeDto(c.EnrolmentId, c.MemberId, rule.LimitReachedOn, "Ended"));
        }

        return new TekunMinorAgeLimitRunDto(request.AsOf, ended, continuing);
    }
}
