namespace Assistance.Api.Security;

using Assistance.Application.Abstractions;
using Assistance.Domain.Regions;

/// <summary>The caller as the bearer token describes them; a token without a valid region sees nothing.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private System.Security.Claims.ClaimsPrincipal Principal =>
        accessor.HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal();

    public string Subject => Principal.FindFirst("sub")?.Value ?? "anonymous";

    public RegionCode Region =>
        RegionCode.TryParse(Principal.FindFirst("region")?.Value, out var region)
            ? region
            : throw new Application.Common.ForbiddenException("The token carries no valid region claim.");

    /// <summary>The one place a caller's region scope is made: from the token's <c>region</c> claim.</summary>
    public RegionScope Scope => RegionScope.Of(Region);

    public string? Agency => Principal.FindFirst("agency")?.Value;

    public bool HasScope(string scope) => AuthenticationSetup.HasScope(Principal, scope);

    public string Authorization =>
        $"{Principal.FindFirst("region")?.Value}|{Agency}|" + string.Join(' ', Scopes.All.Where(HasScope));
}
