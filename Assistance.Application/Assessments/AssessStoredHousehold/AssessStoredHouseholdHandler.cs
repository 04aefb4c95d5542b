namespace Assistance.Application.Assessments.AssessStoredHousehold;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class AssessStoredHouseholdHandler(IHouseholdSnapshotQueries households, EligibilityAssessor assessor, ICurrentUser user)
    : IQueryHandler<AssessStoredHouseholdQuery, AssessmentResponse>
{
    public async Task<AssessmentResponse> Handle(AssessStoredHouseholdQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var overrides = EligibilityAssessor.ReadOverrides(query.Request.ParameterOverrides);
        var input = await households.GetAsync(user.Scope, query.HouseholdId, query.Request.AsOf, cancellationToken).ConfigureAwait(false);
        if (input is null)
        {
            throw new NotFoundException("Household", query.HouseholdId.ToString());
        }

        var result = await assessor.AssessAsync(input, overrides, cancellationToken).ConfigureAwait(false);
        return AssessmentResponse.From(result);
    }
}
