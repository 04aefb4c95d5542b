namespace Assistance.Application.Abstractions;

/// <summary>Who sees ID numbers in full: callers holding the pii.read scope; everyone else sees them masked.</summary>
public static class PiiAccess
{
    /// <summary>The OAuth2 scope that reveals ID numbers (the Api's authorization policy of the same name).</summary>
    public const string Scope = "pii.read";

    public static bool CanReadIdNumbers(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasScope(Scope);
    }
}
