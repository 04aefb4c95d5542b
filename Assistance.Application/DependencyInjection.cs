namespace Assistance.Application;

using Assistance.Application.Abstractions;
using Assistance.Application.Behaviours;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the mediator, every handler and validator of this assembly, and the pipeline in the order
    /// logging → database errors → validation → unit of work → domain events. MediatR 5 has no DI package we can restore, so this is by hand.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetRequiredService);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped<ISender, MediatorSender>();
        services.AddScoped<IdempotencyContext>();
        services.AddSingleton<UnitOfWorkRetry>();
        services.AddScoped<Common.CursorCodec>();
        services.AddSingleton<Households.ForeignHolderAnswerLimiter>();
        services.AddScoped<Assessments.EligibilityAssessor>();
        services.AddScoped<Applications.ApplicationTransitions>();
        services.AddScoped<Events.DomainEventCollector>();
        services.AddScoped<Events.IDomainEventSink, Events.AuditTrailSink>();

        // MediatR 5 nests behaviours in registration order: the first registered is the outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(DatabaseErrorBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Households.ForeignHolderConflictBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(DomainEventsBehaviour<,>));

        var assembly = typeof(DependencyInjection).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var handlerInterface in type.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddScoped(handlerInterface, type);
            }
        }

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped);

        return services;
    }

    private sealed class MediatorSender(IMediator mediator) : ISender
    {
        public Task<TResult> Send<TResult>(IRequest<TResult> request, CancellationToken cancellationToken) =>
            mediator.Send(request, cancellationToken);
    }
}
