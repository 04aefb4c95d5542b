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
        services.AddScoped<TemporaryAssistance.TemporaryAssistanceSteps>();
        services.AddScoped<Events.DomainEventCollector>();
        services.AddScoped<Events.IDomainEventSink, Events.AuditTrailSink>();
        services.AddScoped<Events.IDomainEventSink, Events.OutboxSink>(); // partner events (issue 13), same transaction

        // Life events, overpayments, reassessment tasks (R-33 … R-35). IPaidMonths reads payment-roll lines.
        services.AddScoped<Events.IDomainEventSink, Overpayments.EnrolmentAmountHistorySink>();
        services.AddScoped<Overpayments.DerivedPaidMonths>();
        services.AddScoped<Overpayments.IPaidMonths, Overpayments.RollPaidMonths>(); // roll lines Paid; derived where no roll exists (issue 12)
        services.AddScoped<Reassessments.HouseholdReassessment>();
        services.AddScoped<LifeEvents.CountingStopEffects>();
        // Payment rolls and price subsidies.
        services.AddScoped<PaymentRolls.PaymentRollGenerator>();
        services.AddScoped<PriceIndices.PriceSubsidyCalculator>();

        // Issue 13: the synchronous status query without the mediator pipeline (StatusQueries/StatusQueryDirectPath.cs).
        services.AddScoped<StatusQueries.StatusQueryDirectPath>();
        // Issue 14: read-only queries of the hot endpoints without the mediator (Behaviours/QueryDirectPath.cs), used by
        // the status query above and POST /assessments.
        services.AddScoped(typeof(QueryDirectPath<,>));

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

        foreach (var result in AssemblyScanner.FindValidatorsInAssembly(assembly))
        {
            // A validator builds its rule tree in its constructor (the profile showed it per request): those that
            // need nothing from the request scope are built once; validators with dependencies stay scoped.
            if (result.ValidatorType.GetConstructors().All(c => c.GetParameters().Length == 0))
            {
                services.AddSingleton(result.InterfaceType, result.ValidatorType);
            }
            else
            {
                services.AddScoped(result.InterfaceType, result.ValidatorType);
            }
        }

        return services;
    }

    private sealed class MediatorSender(IMediator mediator) : ISender
    {
        public Task<TResult> Send<TResult>(IRequest<TResult> request, CancellationToken cancellationToken) =>
            mediator.Send(request, cancellationToken);
    }
}
