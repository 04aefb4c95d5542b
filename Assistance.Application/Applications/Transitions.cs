namespace Assistance.Application.Applications.Transitions;

using Assistance.Application.Abstractions;
using Assistance.Application.Calendar;
using Assistance.Application.Common;
using Assistance.Application.Policy;
using Assistance.Domain.Applications;
using Assistance.Domain.Calendar;
using FluentValidation;
using CaseApplication = Assistance.Domain.Applications.Application;

/// <summary>A workflow step on one application: its id, the version the caller saw (If-Match) and why .</summary>
public abstract record ApplicationTransitionCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ICommand<ApplicationDto>;

/// <summary>What a transition needs: the day (China time), the actor, the calendar and the caller.</summary>
public sealed record TransitionContext(DateOnly Today, string Actor, WorkingDayCalendar Calendar, StatutoryTimeLimits Limits, ICurrentUser User);

/// <summary>
/// Shared shape of every transition: load (404 outside the caller's region), check the version (412), apply the domain
/// method (409 on a broken rule), recompute deadlines (409 when the calendar lacks a year), save, audit with actor and
/// reason. All inside the command's unit of work, so a refused step writes nothing.
/// </summary>
public abstract class ApplicationTransitionHandler<TCommand>(
    IApplicationRepository applications, ICalendarStore calendars, IPolicyStore policy, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<TCommand, ApplicationDto>
    where TCommand : ApplicationTransitionCommand
{
    public async Task<ApplicationDto> Handle(TCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (application, assessment) = await LoadAsync(applications, user, request.ApplicationId, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var loadedVersion = application.Version;
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var limits = await policy.TimeLimitsAsync(application.Region, cancellationToken).ConfigureAwait(false);
        var context = new TransitionContext(clock.Today(), user.Subject, calendar, limits, user);
        var beforeStatus = application.Status;
        var eventsBefore = application.History.Count;
        Apply(application, request, context);
        await applications.SaveAsync(user.Scope, application, loadedVersion, application.Deadlines(calendar, limits, context.Today), assessment, cancellationToken)
            .ConfigureAwait(false);
        foreach (var e in application.History.Skip(eventsBefore))
        {
            await audit.RecordAsync(
                new AuditEntry("Application", application.Id.ToString(), e.Action, application.Region,
                    new { Status = beforeStatus }, new { application.Status, Details = AuditDetails(application, request) }, e.Reason ?? request.Reason),
                cancellationToken).ConfigureAwait(false);
        }

        return ApplicationDto.From(application, assessment, calendar, limits, context.Today);
    }

    /// <summary>The domain call of this transition.</summary>
    protected abstract void Apply(CaseApplication application, TCommand command, TransitionContext context);

    /// <summary>What the audit row's "after" shows besides the status (the command's own data by default).</summary>
    protected virtual object? AuditDetails(CaseApplication application, TCommand command) => command;

    internal static async Task<(CaseApplication Application, string? Assessment)> LoadAsync(
        IApplicationRepository applications, ICurrentUser user, Guid id, IfMatch expectedVersion, CancellationToken cancellationToken)
    {
        var found = await applications.GetAsync(user.Scope, id, cancellationToken).ConfigureAwait(false);
        if (found is not { } f)
        {
            throw new NotFoundException("Application", id.ToString());
        }

        if (!expectedVersion.Matches(f.Application.Version))
        {
            throw new VersionMismatchException("Application", expectedVersion, f.Application.Version);
        }

        return (f.Application, f.AssessmentJson);
    }
}

internal static class TransitionRules
{
    public static IRuleBuilderOptions<T, string?> ReasonText<T>(this IRuleBuilder<T, string?> rule) => rule.MaximumLength(2000);
}

// ---- accept (受理) ----
public sealed record AcceptApplicationCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ApplicationTransitionCommand(ApplicationId, ExpectedVersion, Reason);

public sealed class AcceptApplicationValidator : AbstractValidator<AcceptApplicationCommand>
{
    public AcceptApplicationValidator() => RuleFor(c => c.Reason).ReasonText();
}

public sealed class AcceptApplicationHandler(IApplicationRepository a, ICalendarStore c, IPolicyStore p, IAuditLog l, ICurrentUser u, TimeProvider t)
    : ApplicationTransitionHandler<AcceptApplicationCommand>(a, c, p, l, u, t)
{
    protected override void Apply(CaseApplication application, AcceptApplicationCommand command, TransitionContext context) =>
        application.Accept(context.Today, context.Actor, command.Reason);
}

// ---- request verification (家庭经济状况核对) ----
public sealed record RequestVerificationCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ApplicationTransitionCommand(ApplicationId, ExpectedVersion, Reason);

public sealed class RequestVerificationValidator : AbstractValidator<RequestVerificationCommand>
{
    public RequestVerificationValidator() => RuleFor(c => c.Reason).ReasonText();
}

public sealed class RequestVerificationHandler(IApplicationRepository a, ICalendarStore c, IPolicyStore p, IAuditLog l, ICurrentUser u, TimeProvider t)
    : ApplicationTransitionHandler<RequestVerificationCommand>(a, c, p, l, u, t)
{
    protected override void Apply(CaseApplication application, RequestVerificationCommand command, TransitionContext context) =>
        application.RequestVerification(context.Today, context.Actor, command.Reason);
}

// ---- verification result, per source ----
public sealed record RecordVerificationResultCommand(
    Guid ApplicationId, IfMatch ExpectedVersion, VerificationSource Source, VerificationOutcome Outcome, string? Details, string? Reason)
    : ApplicationTransitionCommand(ApplicationId, ExpectedVersion, Reason);

public sealed class RecordVerificationResultValidator : AbstractValidator<RecordVerificationResultCommand>
{
    public RecordVerificationResultValidator()
    {
        RuleFor(c => c.Source).IsInEnum();
        RuleFor(c => c.Outcome).IsInEnum();
        RuleFor(c => c.Details).MaximumLength(4000);
        RuleFor(c => c.Reason).ReasonText();
    }
}

public sealed class RecordVerificationResultHandler(IApplicationRepository a, ICalendarStore c, IPolicyStore p, IAuditLog l, ICurrentUser u, TimeProvider t)
    : ApplicationTransitionHandler<RecordVerificationResultCommand>(a, c, p, l, u, t)
{
    protected override void Apply(CaseApplication application, RecordVerificationResultCommand command, TransitionContext context) =>
        application.RecordVerificationResult(command.Source, command.Outcome, command.Details, context.Today, context.Actor, command.Reason);
}

// ---- home survey (入户调查) ----
public sealed record RecordHomeSurveyCommand(Guid ApplicationId, IfMatch ExpectedVersion, IReadOnlyList<string> Investigators, string Findings, string? Reason)
    : ApplicationTransitionCommand(ApplicationId, ExpectedVersion, Reason);

public sealed class RecordHomeSurveyValidator : AbstractValidator<RecordHomeSurveyCommand>
{
    public RecordHomeSurveyValidator()
    {
        RuleFor(c => c.Investigators).NotNull();
        RuleForEach(c => c.Investigators).NotNull().MaximumLength(100);
        RuleFor(c => c.Findings).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.Reason).ReasonText();
    }
}

public sealed class RecordHomeSurveyHandler(IApplicationRepository a, ICalendarStore c, IPolicyStore p, IAuditLog l, ICurrentUser u, TimeProvider t)
    : ApplicationTransitionHandler<RecordHomeSurveyCommand>(a, c, p, l, u, t)
{
    protected override void Apply(CaseApplication application, RecordHomeSurveyCommand command, TransitionContext context) =>
        application.RecordHomeSurvey(command.Investigators, command.Findings, context.Today, context.Actor, command.Reason);
}

// ---- public notice (公示) ----
public sealed record OpenPublicNoticeCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ApplicationTransitionCommand(ApplicationId, ExpectedVersion, Reason);

public sealed class OpenPublicNoticeValidator : AbstractValidator<OpenPublicNoticeCommand>
{
    public OpenPublicNoticeValidator() => RuleFor(c => c.Reason).ReasonText();
}

public sealed class OpenPublicNoticeHandler(IApplicationRepository a, ICalendarStore c, IPolicyStore p, IAuditLog l, ICurrentUser u, TimeProvider t)
    : ApplicationTransitionHandler<OpenPublicNoticeCommand>(a, c, p, l, u, t)
{
    protected override void Apply(CaseApplication application, OpenPublicNoticeCommand command, TransitionContext context) =>
        application.OpenPublicNotice(context.Today, context.Actor, command.Reason);
}

public sealed record ClosePublicNoticeCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ApplicationTransitionCommand(ApplicationId, ExpectedVersion, Reason);

public sealed class ClosePublicNoticeValidator : AbstractValidator<ClosePublicNoticeCommand>
{
    public ClosePublicNoticeValidator() => RuleFor(c => c.Reason).ReasonText();
}

public sealed class ClosePublicNoticeHandler(IApplicationRepository a, ICalendarStore c, IPolicyStore p, IAuditLog l, ICurrentUser u, TimeProvider t)
    : ApplicationTransitionHandler<ClosePublicNoticeCommand>(a, c, p, l, u, t)
{
    protected override void Apply(CaseApplication application, ClosePublicNoticeCommand command, TransitionContext context) =>
        application.ClosePublicNotice(context.Today, context.Actor, command.Reason, context.Calendar, context.Limits);
}

// ---- objections ----
public sealed record RecordObjectionCommand(
    Guid ApplicationId, IfMatch ExpectedVersion, string Details, ObjectionResolution Resolution, string? EvaluationOutcome, string? Reason)
    : ApplicationTransitionCommand(ApplicationId, ExpectedVersion, Reason);

public sealed class RecordObjectionValidator : AbstractValidator<RecordObjectionCommand>
{
    public RecordObjectionValidator()
    {
        RuleFor(c => c.Details).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.Resolution).IsInEnum();
        RuleFor(c => c.EvaluationOutcome).MaximumLength(4000);
        RuleFor(c => c.Reason).ReasonText();
    }
}

public sealed class RecordObjectionHandler(IApplicationRepository a, ICalendarStore c, IPolicyStore p, IAuditLog l, ICurrentUser u, TimeProvider t)
    : ApplicationTransitionHandler<RecordObjectionCommand>(a, c, p, l, u, t)
{
    protected override void Apply(CaseApplication application, RecordObjectionCommand command, TransitionContext context) =>
        application.RecordObjection(command.Details, command.Resolution, command.EvaluationOutcome, context.Today, context.Actor, command.Reason);
}

// ---- county home visit (conflict of interest, random check) ----
public sealed record RecordCountyHomeVisitCommand(
    Guid ApplicationId, IfMatch ExpectedVersion, CountyVisitPurpose Purpose, IReadOnlyList<string> Investigators, string Findings, string? Reason)
    : ApplicationTransitionCommand(ApplicationId, ExpectedVersion, Reason);

public sealed class RecordCountyHomeVisitValidator : AbstractValidator<RecordCountyHomeVisitCommand>
{
    public RecordCountyHomeVisitValidator()
    {
        RuleFor(c => c.Purpose).IsInEnum();
        RuleFor(c => c.Investigators).NotNull();
        RuleForEach(c => c.Investigators).NotNull().MaximumLength(100);
        RuleFor(c => c.Findings).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.Reason).ReasonText();
    }
}

public sealed class RecordCountyHomeVisitHandler(IApplicationRepository a, ICalendarStore c, IPolicyStore p, IAuditLog l, ICurrentUser u, TimeProvider t)
    : ApplicationTransitionHandler<RecordCountyHomeVisitCommand>(a, c, p, l, u, t)
{
    protected override void Apply(CaseApplication application, RecordCountyHomeVisitCommand command, TransitionContext context)
    {
        BusinessRulesAtCounty.Check(context.User);
        application.RecordCountyHomeVisit(command.Purpose, command.Investigators, command.Findings, context.Today, context.Actor, command.Reason);
    }
}

// ---- extension 30 → 45 working days ----
public sealed record ExtendApplicationCommand(Guid ApplicationId, IfMatch ExpectedVersion, string Reason) : ApplicationTransitionCommand(ApplicationId, ExpectedVersion, Reason);

public sealed class ExtendApplicationValidator : AbstractValidator<ExtendApplicationCommand>
{
    public ExtendApplicationValidator() => RuleFor(c => c.Reason).NotEmpty().ReasonText();
}

public sealed class ExtendApplicationHandler(IApplicationRepository a, ICalendarStore c, IPolicyStore p, IAuditLog l, ICurrentUser u, TimeProvider t)
    : ApplicationTransitionHandler<ExtendApplicationCommand>(a, c, p, l, u, t)
{
    protected override void Apply(CaseApplication application, ExtendApplicationCommand command, TransitionContext context) =>
        application.ExtendProcess(context.Today, context.Actor, command.Reason ?? string.Empty);
}

// ---- refusal notice ----
public sealed record IssueRefusalNoticeCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ApplicationTransitionCommand(ApplicationId, ExpectedVersion, Reason);

public sealed class IssueRefusalNoticeValidator : AbstractValidator<IssueRefusalNoticeCommand>
{
    public IssueRefusalNoticeValidator() => RuleFor(c => c.Reason).ReasonText();
}

public sealed class IssueRefusalNoticeHandler(IApplicationRepository a, ICalendarStore c, IPolicyStore p, IAuditLog l, ICurrentUser u, TimeProvider t)
    : ApplicationTransitionHandler<IssueRefusalNoticeCommand>(a, c, p, l, u, t)
{
    protected override void Apply(CaseApplication application, IssueRefusalNoticeCommand command, TransitionContext context) =>
        application.IssueRefusalNotice(context.Today, context.Actor, command.Reason);
}

/// <summary>County-level acts need a county (or higher) account: township and village tokens are refused.</summary>
public static class BusinessRulesAtCounty
{
    public static bool IsCountyOrAbove(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Region.Level is Domain.Regions.RegionLevel.National or Domain.Regions.RegionLevel.Province
            or Domain.Regions.RegionLevel.City or Domain.Regions.RegionLevel.County;
    }

    public static void Check(ICurrentUser user) =>
        Domain.Common.BusinessRules.Check(new DecisionIsTakenAtCountyLevel(IsCountyOrAbove(user)));
}
