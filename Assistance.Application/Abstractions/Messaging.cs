namespace Assistance.Application.Abstractions;

using MediatR;

// Our own thin interfaces over MediatR 5.1.0 (see docs/adr/0001-mediator.md) so the mediator can be swapped
// without touching use cases.

/// <summary>A request that changes state; runs inside a unit of work (one transaction, retried as a whole).</summary>
public interface ICommand<out TResult> : IRequest<TResult>, ICommandMarker
{
}

/// <summary>Non-generic marker so pipeline behaviours can tell commands from queries.</summary>
public interface ICommandMarker
{
}

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResult> : IRequest<TResult>
{
}

public interface ICommandHandler<in TCommand, TResult> : IRequestHandler<TCommand, TResult>
    where TCommand : ICommand<TResult>
{
}

public interface IQueryHandler<in TQuery, TResult> : IRequestHandler<TQuery, TResult>
    where TQuery : IQuery<TResult>
{
}

/// <summary>What endpoints use to run a use case.</summary>
public interface ISender
{
    Task<TResult> Send<TResult>(IRequest<TResult> request, CancellationToken cancellationToken);
}
