namespace Assistance.Application.Households.ReplaceHousehold;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>
/// Replaces a household with the representation GET returns (PUT /api/v1/households/{id}, If-Match). Members are
/// matched by id; members without id are new; members left out are removed.
/// </summary>
public sealed record ReplaceHouseholdCommand(Guid Id, IfMatch ExpectedVersion, HouseholdInput Request)
    : HouseholdFieldsCommand(Request), ICommand<HouseholdDto>
{
    public static ReplaceHouseholdCommand From(Guid id, IfMatch expectedVersion, HouseholdInput input) =>
        new(id, expectedVersion, input ?? throw new ArgumentNullException(nameof(input)));
}
