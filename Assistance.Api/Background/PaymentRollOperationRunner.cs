namespace Assistance.Api.Background;

using System.Collections.Concurrent;
using System.Security.Claims;
using System.Threading.Channels;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.PaymentRolls.FailPaymentRollOperation;
using Assistance.Application.PaymentRolls.RunPaymentRollOperation;
using Assistance.Infrastructure.Payments;

/// <summary>A queued long roll generation: the operation and who asked (the roll is generated and audited as them).</summary>
public sealed record QueuedRollOperation(Guid OperationId, string Subject, string ScopeRegion);

/// <summary>
/// Runs the roll generations answered with 202 Accepted, one at a time, in this process. Each runs as a command of its
/// own scope and transaction under the requester's identity and region; a failure is recorded on the operation. The
/// operation row is claimed (Queued → Running, row lock with SKIP LOCKED) in the database, so a second replica or a
/// repeated request never runs it twice. On startup, once migrations are applied, the operations a stopped process
/// left Queued or Running are queued again; generation itself is idempotent (the roll key's lock, then the current roll
/// if one exists, and the unique current-version index), so a resumed operation never makes a second roll.
/// </summary>
public sealed partial class PaymentRollOperationRunner(
    IServiceScopeFactory scopes, PaymentRollOperationRecovery recovery, ILogger<PaymentRollOperationRunner> logger) : BackgroundService
{
    private readonly Channel<QueuedRollOperation> queue = Channel.CreateUnbounded<QueuedRollOperation>();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> finished = new();

    public void Enqueue(QueuedRollOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _ = Completion(operation.OperationId);
        queue.Writer.TryWrite(operation);
    }

    /// <summary>Completes when the operation has been run (or found already taken) by this runner.</summary>
    public Task Completion(Guid operationId) =>
        finished.GetOrAdd(operationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resuming waits for the migrations; operations requested meanwhile are run as they come.
        var resuming = ResumeUnfinishedAsync(stoppingToken);
        try
        {
            await RunQueuedAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await resuming.ConfigureAwait(false);
        }
    }

    private async Task RunQueuedAsync(CancellationToken stoppingToken)
    {
        await foreach (var operation in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SendAsync(operation, new RunPaymentRollOperationCommand(operation.OperationId), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex, operation.OperationId);
                try
                {
                    await SendAsync(operation, new FailPaymentRollOperationCommand(operation.OperationId, ex.Message), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception inner) when (inner is not OperationCanceledException)
                {
                    LogNotRecorded(inner, operation.OperationId);
                }
            }
            finally
            {
                // Kept completed (a few bytes per operation) so that a late Completion() call still sees it finished.
                _ = Completion(operation.OperationId);
                finished[operation.OperationId].TrySetResult();
            }
        }
    }

    /// <summary>Queues what a stopped process left unfinished; a failure to list them is logged and does not stop new work.</summary>
    private async Task ResumeUnfinishedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await recovery.WaitForMigrationsAsync(stoppingToken).ConfigureAwait(false);
            var unfinished = await recovery.UnfinishedAsync(stoppingToken).ConfigureAwait(false);
            foreach (var operation in unfinished)
            {
                Enqueue(new QueuedRollOperation(operation.Id, operation.RequestedBy, operation.ScopeRegion));
            }

            if (unfinished.Count > 0)
            {
                LogResumed(unfinished.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogNotResumed(ex);
        }
    }

    private async Task SendAsync<T>(QueuedRollOperation operation, ICommand<T> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();

        // HttpCurrentUser reads the caller from the HTTP context: outside a request the requester is set there explicitly.
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim("sub", operation.Subject), new Claim("region", operation.ScopeRegion), new Claim("scope", $"{Scopes.PaymentsRead} {Scopes.PaymentsWrite}")],
                "payment-roll-operation")),
        };
        try
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment roll operation {OperationId} failed")]
    private partial void LogFailed(Exception exception, Guid operationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Count} payment roll operations left unfinished")]
    private partial void LogResumed(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not list the payment roll operations left unfinished")]
    private partial void LogNotResumed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the failure of payment roll operation {OperationId}")]
    private partial void LogNotRecorded(Exception exception, Guid operationId);
}
