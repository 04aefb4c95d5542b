namespace Assistance.Application.Behaviours;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;

/// <summary>
/// Innermost behaviour, commands only: one transaction around the handler, the idempotency record and the
/// audit rows, so a change and its record commit together or not at all. The whole unit is retried on
/// transient database errors (serialization failure, deadlock, dropped connection).
/// </summary>
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IServiceProvider services)
    : IPipelineBehavior<TRequest, TResponse>
{
    // Collaborators are resolved for commands only: queries pass straight through and no longer build a unit of
    // work, an idempotency store and the current user per request (issue 14, profile of POST /assessments).
    private static readonly JsonSerializerOptions HashOptions = new(JsonSerializerDefaults.Web);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is not ICommandMarker)
        {
            return await next().ConfigureAwait(false);
        }

        var retry = services.GetRequiredService<UnitOfWorkRetry>();
        return await retry.Pipeline.ExecuteAsync(
            async token => await RunOnceAsync(request, next, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResponse> RunOnceAsync(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        var idempotencyStore = services.GetRequiredService<IIdempotencyStore>();
        var idempotency = services.GetRequiredService<IdempotencyContext>();
        var currentUser = services.GetRequiredService<ICurrentUser>();
        await unitOfWork.BeginAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string? scope = null;
            string? requestHash = null;
            if (idempotency.Key is { } key)
            {
                // The key is scoped to the caller, their authorization and the use case: two partners may pick the same
                // key, and a replay must never hand a response (unmasked ID numbers, another region's household) to a
                // token that could not have received it (issue 7). Same subject with other scopes or region = new key.
                var authorization = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(currentUser.Authorization)))[..16];
                scope = $"{currentUser.Subject}|{authorization}|{typeof(TRequest).Name}";
                requestHash = Hash(request!);
                var stored = await idempotencyStore.AcquireAsync(scope, key, cancellationToken).ConfigureAwait(false);
                if (stored is not null)
                {
                    await unitOfWork.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    if (stored.RequestHash != requestHash)
                    {
                        throw new IdempotencyKeyReusedException();
                    }

                    AssistanceTelemetry.IdempotencyReplays.Add(1, new KeyValuePair<string, object?>("use_case", typeof(TRequest).Name));
                    return JsonSerializer.Deserialize<TResponse>(stored.ResponseJson, HashOptions)!;
                }
            }

            var response = await next().ConfigureAwait(false);
            if (scope is not null)
            {
                await idempotencyStore.SaveAsync(scope, idempotency.Key!, requestHash!, JsonSerializer.Serialize(response, HashOptions), cancellationToken)
                    .ConfigureAwait(false);
            }

            await unitOfWork.CommitAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            if (unitOfWork.IsActive)
            {
                await unitOfWork.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
    }

    private static string Hash(TRequest request)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(request, request!.GetType(), HashOptions);
        return Convert.ToHexString(SHA256.HashData(json));
    }
}

/// <summary>The retry pipeline for whole units of work; built once (Polly pipelines are thread-safe).</summary>
public sealed class UnitOfWorkRetry
{
    public UnitOfWorkRetry(IUnitOfWorkTransientDetector detector, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(detector);
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(20),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(detector.IsTransient),
            })
            .Build();
    }

    public ResiliencePipeline Pipeline { get; }
}
