namespace Assistance.Application.Enrolments;

using Assistance.Application.Abstractions;
using Assistance.Domain.Households;

/// <summary>An active tekun enrolment whose person reached the minor age limit by the date and was enrolled before it .</summary>
public sealed record TekunMinorCandidate(Guid EnrolmentId, Guid MemberId, string RegionCode, DateOnly BirthDate, DateOnly ApprovedOn, bool InSchool, Disability? Disability);

/// <summary>The minor age limit in force in one region on the date.</summary>
public sealed record RegionAgeLimit(string RegionCode, int MinorAgeLimit);

/// <summary>Set-based selection for R-34 (one statement over indexed columns, not a loop over enrolments).</summary>
public interface ITekunMinorQueries
{
    /// <summary>The regions holding active tekun enrolments.</summary>
    Task<IReadOnlyList<string>> RegionsWithActiveTekunAsync(RegionScope scope, CancellationToken cancellationToken);

    Task<IReadOnlyList<TekunMinorCandidate>> CandidatesAsync(RegionScope scope, DateOnly asOf, IReadOnlyList<RegionAgeLimit> limits, CancellationToken cancellationToken);
}
