namespace Assistance.Api.Security;

using Assistance.Application.Abstractions;
using Assistance.Domain.Regions;

/// <summary>
/// The caller as the bearer token describes them; a token without a valid region sees nothing. Inside a scheduled job's
/// run the caller is the system (<see cref="SystemCaller"/>): national scope, every scope, subject <c>system:{job}</c>.
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private System.Security.Claims.ClaimsPrincipal Principal =>
        accessor.HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal();

    public string Subject => SystemCaller.Job is { } job ? "system:" + job : Principal.FindFirst("sub")?.Value ?? "anonymous";

    public RegionCode Region =>
        SystemCaller.Job is not null ? RegionCode.National :
        RegionCode.TryParse(Principal.FindFirst("region")?.Value, out var region)
            ? region
            : throw new Application.Common.ForbiddenException("The token carries no valid region claim.");

    /// <summary>The one place a caller's region scope is made: from the token's <c>region</c> claim.</summary>
    public RegionScope Scope => RegionScope.Of(Region);

    public string? Agency => SystemCaller.Job is not null ? null : Principal.FindFirst("agency")?.Value;

    public bool HasScope(string scope) => SystemCaller.Job is not null || AuthenticationSetup.HasScope(Principal, scope);

    public string Authorization => SystemCaller.Job is { } job ? "system:" + job :
        $"{Principal.FindFirst("region")?.Value}|{Agency}|" + string.Join(' ', Scopes.All.Where(HasScope));
}
