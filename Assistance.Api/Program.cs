using System.Text.Json;
using System.Text.Json.Serialization;
using Assistance.Api.Endpoints;
using Assistance.Api.Http;
using Assistance.Api.OpenApi;
using Assistance.Api.Security;
using Assistance.Application;
using Assistance.Application.Abstractions;
using Assistance.Infrastructure;
using Assistance.Infrastructure.Persistence;
using Assistance.Infrastructure.Partners;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

if (args.Length > 0 && args[0] == "dev-token")
{
    // Always the Development configuration: the command signs only with the published development key.
    var tokenBuilder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[1..], EnvironmentName = Environments.Development });
    return DevToken.Run(args, tokenBuilder.Configuration, Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "dev-id")
{
    return DevId.Run(args[1..], Console.Out, Console.Error);
}

// Load tests and benchmarks (scripts/synthetic-data.sh): synthetic enrolled households into the database of ASSISTANCE_DB.
if (args.Length > 0 && args[0] == "synthetic-data")
{
    return await Assistance.Infrastructure.Synthetic.SyntheticDataCommand.RunAsync(
        args[1..], Environment.GetEnvironmentVariable("ASSISTANCE_DB"), Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

// JSON console logs carry the trace id of the request (scopes on), never request bodies.
builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(options =>
{
    options.IncludeScopes = true;
    options.UseUtcTimestamp = true;
    options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
});

var maxBodyBytes = builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", 1_048_576L);
builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = maxBodyBytes);

builder.Services.ConfigureHttpJsonOptions(options => ApiJsonOptions.Apply(options.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

// With demo data, the clock lets the demo story happen on its own dates (Assistance.Api/Demo); otherwise the system clock.
if (builder.Configuration.GetValue("Database:LoadDemoData", false))
{
    var demoClock = new Assistance.Api.Demo.DemoClock(TimeProvider.System);
    builder.Services.AddSingleton<TimeProvider>(demoClock);
    builder.Services.AddSingleton<Assistance.Api.Demo.IDemoClockControl>(demoClock);
}
else
{
    builder.Services.AddSingleton(TimeProvider.System);
}

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddAssistanceProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddAssistanceAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddCursorKeys(builder.Configuration, builder.Environment);
builder.Services.AddAssistanceRateLimiting(builder.Configuration);
builder.Services.AddApplication();
var database = DatabaseSettings.From(builder.Configuration);
builder.Services.AddNpgsqlDataSource(database.AppConnectionString, database.ConfigureApp);
builder.Services.AddNpgsqlDataSource(database.OwnerConnectionString, DatabaseSettings.ConfigureSystem, serviceKey: DatabaseSettings.SystemKey);
builder.Services.AddInfrastructure(database);
// Scheduled jobs on the clustered Quartz store (issue 11; Scheduler:Enabled, docs/operations.md).
Assistance.Infrastructure.Scheduling.SchedulingRegistration.AddScheduling(builder.Services, builder.Configuration, database);
if (builder.Configuration.GetValue("Database:LoadDemoData", false))
{
    builder.Services.AddSingleton<Assistance.Infrastructure.Persistence.IStartupSeeder, Assistance.Api.Demo.DemoWorkflowSeeder>();
}

builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
builder.Services.AddAssistanceOpenApi();
builder.Services.AddAssistanceCors(builder.Configuration, builder.Environment);
builder.Services.AddAssistanceTelemetry(builder.Configuration);

// Payment rolls: the size above which a generation answers 202 and runs in the background.
builder.Services.AddSingleton(new Assistance.Application.PaymentRolls.PaymentRollSettings(
    builder.Configuration.GetValue("PaymentRolls:AsyncThresholdLines", Assistance.Application.PaymentRolls.PaymentRollSettings.DefaultAsyncThresholdLines)));
builder.Services.AddSingleton<Assistance.Api.Background.PaymentRollOperationRunner>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Assistance.Api.Background.PaymentRollOperationRunner>());
// Partner agencies (issue 13): agency table, status-query limits, subscriptions and webhook delivery.
builder.Services.AddSingleton(PartnerAgencies.From(builder.Configuration));
builder.Services.AddPartners(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseExceptionHandler();
app.RememberOperation();
app.UseStatusCodePages();
app.UseRequestBodyLimit(maxBodyBytes);
app.UseRequestShapeLimits(
    builder.Configuration.GetValue("Limits:MaxUrlLength", 4096),
    builder.Configuration.GetValue("Limits:MaxRequestHeaderBytes", 16384));

// The interactive docs are public like the contract itself; they sit before authentication so the fallback
// policy (every endpoint needs a token) does not hide them. Calls made from the UI still need a token.
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/openapi/v1.json", "Assistance v1");
    options.RoutePrefix = "swagger";
});

// CORS answers preflights (OPTIONS, no token) before authentication would refuse them.
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UsePartnerAudit();
app.UseAuthorization();
app.UseTextRule();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
    .AllowAnonymous().DisableRateLimiting();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

app.MapProblemTypes();

var api = app.MapGroup("/api/v1").WithVersionETags().AddEndpointFilter<RequestContractFilter>();
api.MapRegions();
api.MapHouseholds();
api.MapCalendar();
api.MapApplications();
api.MapCloseRelatives();
api.MapEnrolments();
api.MapCareAgreements();
api.MapAuditEvents();
api.MapPolicy();
api.MapAssessments();
api.MapLifeEvents();
api.MapOverpayments();
api.MapReassessmentTasks();
api.MapBenchmarkBaseline(app.Configuration);
api.MapStatusQueries();
api.MapSubscriptions();
api.MapAlerts();
api.MapJobs();
api.MapReports();

// Reviews (issue 11: R-30 … R-32).
api.MapReviews();
api.MapReviewMoratoriums();
api.MapTemporaryAssistance();
api.MapReserveFunds();
api.MapPaymentRolls();
api.MapPriceIndices();
api.MapHouseholdImports(app.Configuration); // issue 14: bulk import

app.Run();
return 0;

/// <summary>The API host; public so WebApplicationFactory can start it in tests.</summary>
public partial class Program
{
}
