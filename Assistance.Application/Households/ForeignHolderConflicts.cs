namespace Assistance.Application.Households;

using System.Threading.RateLimiting;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// R-22 refused a registration because a household outside the caller's region holds the ID number. The answer
/// must still be given (the rule stands) but it is an enumeration oracle, so it is worded without the other region,
/// rate-limited per caller and audited (<see cref="ForeignHolderConflictBehaviour{TRequest,TResponse}"/>).
/// </summary>
public sealed class ForeignHolderConflictException(IBusinessRule rule, string maskedIdNumber, RegionCode holderRegion)
    : Exception(rule?.Message)
{
    public IBusinessRule Rule { get; } = rule!;

    public string MaskedIdNumber { get; } = maskedIdNumber;

    public RegionCode HolderRegion { get; } = holderRegion;
}

/// <summary>Too many answers of one kind for this caller; 429 with Retry-After.</summary>
public sealed class RateLimitedException(string code, string message, TimeSpan retryAfter) : Exception(message)
{
    public string Code { get; } = code;

    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Per-caller budget of foreign R-22 answers (per replica; a fixed window, configurable).</summary>
public sealed class ForeignHolderAnswerLimiter(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(caller =>
        RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, configuration.GetValue("Registry:ForeignConflictAnswersPerHour", 20)),
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>True when the caller may get one more answer; otherwise the wait until the window resets.</summary>
    public bool TryAcquire(string caller, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(caller);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromHours(1);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// Sits outside the unit of work: the command's transaction is rolled back when the conflict reaches here, so
/// the audit rows are written in a transaction of their own: one in the caller's region (who asked) and one in
/// the holder's region (whose person was asked about). Neither names the other household to the caller.
/// </summary>
public sealed class ForeignHolderConflictBehaviour<TRequest, TResponse>(IServiceProvider services)
    : IPipelineBehavior<TRequest, TResponse>
{
    // Its collaborators are resolved only when a conflict arrives: this behaviour wraps every use case, queries
    // included, and resolving a unit of work and an audit log per request showed in the profile (issue 14).
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next().ConfigureAwait(false);
        }
        catch (ForeignHolderConflictException conflict)
        {
            var limiter = services.GetRequiredService<ForeignHolderAnswerLimiter>();
            var unitOfWork = services.GetRequiredService<IUnitOfWork>();
            var audit = services.GetRequiredService<IAuditLog>();
            var user = services.GetRequiredService<ICurrentUser>();
            var allowed = limiter.TryAcquire(user.Subject, out var retryAfter);
            var details = new { IdNumber = conflict.MaskedIdNumber, CallerRegion = user.Region.Value, Answered = allowed, Rule = "R-22" };
            await unitOfWork.BeginAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await audit.RecordAsync(new AuditEntry("IdNumberConflict", conflict.MaskedIdNumber, "ForeignHolderAnswered", user.Region, null, details, null), cancellationToken)
                    .ConfigureAwait(false);
                if (conflict.HolderRegion != user.Region)
                {
                    await audit.RecordAsync(new AuditEntry("IdNumberConflict", conflict.MaskedIdNumber, "ForeignHolderAnswered", conflict.HolderRegion, null, details, null), cancellationToken)
                        .ConfigureAwait(false);
                }

                await unitOfWork.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (unitOfWork.IsActive)
                {
                    await unitOfWork.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }

            if (!allowed)
            {
                throw new RateLimitedException("registry.conflict-answers-exhausted",
                    "Too many registrations refused for people registered outside your area; retry later or ask the office above you.", retryAfter);
            }

            throw new BusinessRuleViolationException(conflict.Rule.Code, conflict.Rule.Message, conflict.Rule.Source);
        }
    }
}
