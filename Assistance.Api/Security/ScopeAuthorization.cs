namespace Assistance.Api.Security;

using Assistance.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

/// <summary>The token must carry this OAuth2 scope; named so that a refusal can say which scope is missing.</summary>
public sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}

public sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (AuthenticationSetup.HasScope(context.User, requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A 403 names the scopes the token lacks (problem+json, code auth.forbidden, <c>missingScopes</c>).</summary>
public sealed class ScopeProblemResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).Distinct().ToArray() ?? [];
            if (missing.Length > 0)
            {
                await ProblemDetailsSetup.WriteAsync(context, 403, "auth.forbidden", "Forbidden.",
                    "This operation needs the scope " + string.Join(" and ", missing) + "; the token does not carry it.",
                    extensions: new Dictionary<string, object?> { ["missingScopes"] = missing }).ConfigureAwait(false);
                return;
            }
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }
}
