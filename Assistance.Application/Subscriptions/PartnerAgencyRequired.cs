namespace Assistance.Application.Subscriptions;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>Subscriptions belong to partner agencies: a token without an <c>agency</c> claim cannot own one (403).</summary>
public static class PartnerAgencyRequired
{
    public static string AgencyOf(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Agency is { Length: > 0 } agency ? agency : throw new ForbiddenException("Subscriptions belong to partner agencies: the token carries no agency claim.");
    }
}
