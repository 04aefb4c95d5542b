namespace Assistance.Infrastructure;

using Assistance.Application.Abstractions;
using Assistance.Application.AuditEvents.ListAuditEvents;
using Assistance.Application.Applications;
using Assistance.Application.Applications.ListApplications;
using Assistance.Application.Calendar;
using Assistance.Application.CloseRelatives;
using Assistance.Application.Enrolments;
using Assistance.Application.Policy;
using Assistance.Application.Households;
using Assistance.Application.Regions;
using Assistance.Infrastructure.Households;
using Assistance.Infrastructure.Persistence;
using Assistance.Infrastructure.Queries;
using Microsoft.Extensions.DependencyInjection;
using Assistance.Application.Assessments;
using Assistance.Application.AuditEvents;
using Assistance.Application.CareAgreements;

public static class DependencyInjection
{
    /// <summary>
    /// Everything but the two data sources, which the host registers with Npgsql.DependencyInjection: the API's one
    /// (unkeyed, <see cref="DatabaseSettings.ConfigureApp"/>) and the owner's (key <see cref="DatabaseSettings.SystemKey"/>,
    /// <see cref="DatabaseSettings.ConfigureSystem"/>).
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // Dapper maps snake_case columns.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddSingleton(settings);
        services.AddSingleton<DatabaseErrors>();
        services.AddSingleton<IUnitOfWorkTransientDetector>(sp => sp.GetRequiredService<DatabaseErrors>());
        services.AddSingleton<IDatabaseErrorTranslator>(sp => sp.GetRequiredService<DatabaseErrors>());
        services.AddSingleton<Migrator>();
        services.AddHostedService<DatabaseStartup>();
        services.AddSingleton<IdempotencyRetention>();
        services.AddScoped<DbSession>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<DbSession>());
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IRegionQueries, RegionQueries>();
        services.AddScoped<IAuditEventQueries, AuditEventQueries>();
        AddWorkflow(services);
        services.AddSingleton<PolicyCache>();
        services.AddHostedService<PolicyChangeListener>();
        services.AddSingleton<BenchmarkReads>();
        services.AddScoped<IPolicyStore, PolicyStore>();
        // Issue 14: the assessment's warm path reads the cache without building the store and the request's session.
        services.AddSingleton<IPolicyResolverCache>(sp => sp.GetRequiredService<PolicyCache>());
        services.AddSingleton<IStartupSeeder, PolicyPackSeeder>();
        services.AddScoped<Application.Assessments.IHouseholdSnapshotQueries, HouseholdSnapshotQueries>();
        services.AddScoped<IHouseholdRepository, HouseholdRepository>();
        services.AddScoped<IHouseholdQueries, HouseholdQueries>();
        // Household imports (issue 14): binary COPY into staging, set-based moves into the register.
        services.AddScoped<IHouseholdImportWriter, HouseholdImportWriter>();
        services.AddSingleton<IStartupSeeder, DemoHouseholdSeeder>();
        AddEarlyWarning(services);
        return services;
    }

    /// <summary>Early warning and the medical-insurance report; the jobs are in Scheduling/SchedulingRegistration.</summary>
    private static void AddEarlyWarning(IServiceCollection services)
    {
        services.AddScoped<Application.Alerts.IAlertRepository, Alerts.AlertRepository>();
        services.AddSingleton<Alerts.AlertRule, Alerts.Rules.ZeroEmploymentRule>();
        services.AddSingleton<Alerts.AlertRule, Alerts.Rules.MarginalRigidSpendingRule>();
        services.AddSingleton<Alerts.AlertRule, Alerts.Rules.TekunVisitOverdueRule>();
        services.AddSingleton<Alerts.AlertRule, Alerts.Rules.TekunMinorTurningAdultRule>();
        services.AddSingleton<Alerts.AlertRule, Alerts.Rules.DuplicateIdNumberRule>();
        services.AddSingleton<Alerts.AlertRule, Alerts.Rules.ReviewOverdueRule>();
        services.AddSingleton<Alerts.AlertRuleRunner>();
        services.AddScoped<Reports.MedicalInsuranceReportQueries>();
        services.AddScoped<Application.Reports.IMedicalInsuranceReportQueries>(sp => sp.GetRequiredService<Reports.MedicalInsuranceReportQueries>());
    }

    /// <summary>Applications, statutory workflow and enrolment (R-20 … ).</summary>
    private static void AddWorkflow(IServiceCollection services)
    {
        Workflow.DateOnlyTypeHandler.Register();
        services.AddScoped<ICalendarStore, Workflow.CalendarStore>();
        services.AddSingleton<IStartupSeeder, Workflow.CalendarSeeder>();
        services.AddScoped<IHouseholdDirectory, RegisterHouseholdDirectory>();
        services.AddScoped<Workflow.CloseRelativeStore>();
        services.AddScoped<ICloseRelativeRegister>(sp => sp.GetRequiredService<Workflow.CloseRelativeStore>());
        services.AddScoped<ICloseRelativeMatcher>(sp => sp.GetRequiredService<Workflow.CloseRelativeStore>());
        services.AddScoped<Workflow.ApplicationRepository>();
        services.AddScoped<IApplicationRepository>(sp => sp.GetRequiredService<Workflow.ApplicationRepository>());
        services.AddScoped<IApplicationQueries>(sp => sp.GetRequiredService<Workflow.ApplicationRepository>());
        services.AddScoped<IEnrolmentRepository, Workflow.EnrolmentRepository>();
        services.AddScoped<ICareAgreementRepository, Workflow.CareAgreementRepository>();
        services.AddScoped<IEligibilityAssessor, EngineEligibilityAssessor>();

        // Reviews, review moratoriums and gradual exits (issue 11: R-30 … R-32).
        services.AddScoped<Application.Reviews.IReviewRepository, Reviews.ReviewRepository>();
        services.AddScoped<Application.ReviewMoratoriums.IReviewMoratoriumRepository, Reviews.ReviewMoratoriumRepository>();
        // Temporary assistance and township reserve funds (R-42 … R-45).
        services.AddScoped<Application.TemporaryAssistance.ITemporaryAssistanceRepository, TemporaryAssistance.TemporaryAssistanceRepository>();
        services.AddScoped<Application.ReserveFunds.IReserveFundRepository, TemporaryAssistance.ReserveFundRepository>();
        services.AddScoped<Application.Reports.IReportQueries, ReportQueries>();
        // Life events, overpayments, reassessment tasks, work refusals (R-33 … R-35).
        services.AddScoped<Application.LifeEvents.ILifeEventRepository, LifeEvents.LifeEventRepository>();
        services.AddScoped<Application.Overpayments.IOverpaymentRepository, LifeEvents.OverpaymentRepository>();
        services.AddScoped<Application.Overpayments.IEnrolmentAmountHistory, LifeEvents.EnrolmentAmountHistory>();
        services.AddScoped<Application.Reassessments.IReassessmentTaskRepository, LifeEvents.ReassessmentTaskRepository>();
        services.AddScoped<Application.Enrolments.IWorkRefusalStore, LifeEvents.WorkRefusalStore>();
        services.AddScoped<Application.Enrolments.ITekunMinorQueries, LifeEvents.TekunMinorQueries>();
        // Payment rolls and price indices.
        services.AddScoped<Application.PaymentRolls.IPaymentRollRepository, Payments.PaymentRollRepository>();
        services.AddScoped<Application.PriceIndices.IPriceIndexRepository, Payments.PriceIndexRepository>();
        // Roll generations left Queued or Running by a stopped process, resumed at startup (issue 12).
        services.AddSingleton<Payments.PaymentRollOperationRecovery>();
    }
}
