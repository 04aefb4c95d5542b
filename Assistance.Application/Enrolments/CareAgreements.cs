namespace Assistance.Application.Enrolments.CareAgreements;

using System.ComponentModel.DataAnnotations;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Regions;
using FluentValidation;

/// <summary>关爱照料协议 of a decentralized tekun person with its visit record.</summary>
public sealed record CareAgreementDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    Guid EnrolmentId,
    [property: MaxLength(100)] string CarerName,
    [property: MaxLength(40)] string? CarerPhone,
    [property: MaxLength(4000)] string Duties,
    [property: Range(1, 366)] int VisitFrequencyDays,
    DateOnly StartsOn,
    DateOnly? LastVisitOn,
    DateOnly NextVisitDue,
    bool VisitOverdue,
    [property: MaxLength(10000)] IReadOnlyList<CareVisitDto> Visits,
    [property: Range(0, long.MaxValue)] long Version);

/// <summary>A recorded visit.</summary>
public sealed record CareVisitDto(Guid Id, DateOnly VisitedOn, [property: MaxLength(100)] string Visitor, [property: MaxLength(4000)] string Notes);

/// <summary>A decentralized tekun enrolment still without its care agreement.</summary>
public sealed record EnrolmentWithoutAgreementDto(Guid EnrolmentId, [property: MaxLength(12)] string RegionCode, Guid? PersonMemberId, DateOnly ApprovedOn);

public sealed record CareAgreementRow(
    Guid Id, string RegionCode, Guid EnrolmentId, string CarerName, string? CarerPhone, string Duties, int VisitFrequencyDays, DateOnly StartsOn,
    DateOnly? LastVisitOn, long Version);

public interface ICareAgreementRepository
{
    Task<bool> ExistsForEnrolmentAsync(RegionScope scope, Guid enrolmentId, CancellationToken cancellationToken);

    Task AddAsync(RegionScope scope, CareAgreementRow row, CancellationToken cancellationToken);

    Task<CareAgreementRow?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<CareVisit>> VisitsAsync(RegionScope scope, Guid agreementId, CancellationToken cancellationToken);

    /// <summary>Adds the visit and moves last_visit_on forward when the stored version matches (412 otherwise).</summary>
    Task<long> AddVisitAsync(RegionScope scope, Guid agreementId, long expectedVersion, CareVisit visit, string regionCode, CancellationToken cancellationToken);

    /// <summary>Active decentralized tekun enrolments in the region subtree that have no care agreement yet .</summary>
    Task<IReadOnlyList<EnrolmentWithoutAgreementDto>> ListMissingAsync(RegionScope scope, CancellationToken cancellationToken);

    /// <summary>Agreements of active enrolments whose next visit is due before <paramref name="today"/>.</summary>
    Task<IReadOnlyList<CareAgreementRow>> ListOverdueAsync(RegionScope scope, DateOnly today, CancellationToken cancellationToken);
}

internal static class CareMapping
{
    public static CareAgreementDto ToDto(CareAgreementRow r, IReadOnlyList<CareVisit> visits, DateOnly today) => new(
        r.Id, r.RegionCode, r.EnrolmentId, r.CarerName, r.CarerPhone, r.Duties, r.VisitFrequencyDays, r.StartsOn, r.LastVisitOn,
        CareAgreementRules.NextVisitDue(r.StartsOn, r.LastVisitOn, r.VisitFrequencyDays),
        CareAgreementRules.IsVisitOverdue(r.StartsOn, r.LastVisitOn, r.VisitFrequencyDays, today),
        visits.Select(v => new CareVisitDto(v.Id, v.VisitedOn, v.Visitor, v.Notes)).ToList(), r.Version);
}

public sealed record CreateCareAgreementCommand(
    Guid EnrolmentId, string CarerName, string? CarerPhone, string Duties, int VisitFrequencyDays, DateOnly? StartsOn, string? Reason)
    : ICommand<CareAgreementDto>;

public sealed class CreateCareAgreementValidator : AbstractValidator<CreateCareAgreementCommand>
{
    public CreateCareAgreementValidator()
    {
        RuleFor(c => c.EnrolmentId).NotEmpty();
        RuleFor(c => c.CarerName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.CarerPhone).MaximumLength(40);
        RuleFor(c => c.Duties).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.VisitFrequencyDays).InclusiveBetween(1, 366);
        RuleFor(c => c.Reason).MaximumLength(2000);
    }
}

public sealed class CreateCareAgreementHandler(
    IEnrolmentRepository enrolments, ICareAgreementRepository agreements, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateCareAgreementCommand, CareAgreementDto>
{
    public async Task<CareAgreementDto> Handle(CreateCareAgreementCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await enrolments.GetAsync(user.Scope, request.EnrolmentId, cancellationToken).ConfigureAwait(false);
        if (found is not { } f)
        {
            throw new NotFoundException("Enrolment", request.EnrolmentId.ToString());
        }

        var e = f.Enrolment;
        CareAgreementRules.CheckCanCreate(e.Programme, e.CareSetting, e.Status);
        if (await agreements.ExistsForEnrolmentAsync(user.Scope, e.Id, cancellationToken).ConfigureAwait(false))
        {
            throw new Domain.Common.BusinessRuleViolationException(
                "care-agreement.exists", "This tekun person already has a care agreement.", "R-23");
        }

        var today = clock.Today();
        var row = new CareAgreementRow(
            Guid.CreateVersion7(), e.Region.Value, e.Id, request.CarerName.Trim(), request.CarerPhone?.Trim(), request.Duties.Trim(),
            request.VisitFrequencyDays, request.StartsOn ?? today, null, 1);
        await agreements.AddAsync(user.Scope, row, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(new AuditEntry("CareAgreement", row.Id.ToString(), "Created", e.Region, null, row, request.Reason), cancellationToken)
            .ConfigureAwait(false);
        return CareMapping.ToDto(row, [], today);
    }
}

public sealed record GetCareAgreementQuery(Guid Id) : IQuery<CareAgreementDto>;

public sealed class GetCareAgreementHandler(ICareAgreementRepository agreements, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetCareAgreementQuery, CareAgreementDto>
{
    public async Task<CareAgreementDto> Handle(GetCareAgreementQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await agreements.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            throw new NotFoundException("CareAgreement", request.Id.ToString());
        }

        return CareMapping.ToDto(row, await agreements.VisitsAsync(user.Scope, row.Id, cancellationToken).ConfigureAwait(false), clock.Today());
    }
}

public sealed record RecordCareVisitCommand(Guid AgreementId, IfMatch ExpectedVersion, DateOnly? VisitedOn, string Visitor, string Notes) : ICommand<CareAgreementDto>;

public sealed class RecordCareVisitValidator : AbstractValidator<RecordCareVisitCommand>
{
    public RecordCareVisitValidator()
    {
        RuleFor(c => c.Visitor).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Notes).NotEmpty().MaximumLength(4000);
    }
}

public sealed class RecordCareVisitHandler(ICareAgreementRepository agreements, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordCareVisitCommand, CareAgreementDto>
{
    public async Task<CareAgreementDto> Handle(RecordCareVisitCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await agreements.GetAsync(user.Scope, request.AgreementId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            throw new NotFoundException("CareAgreement", request.AgreementId.ToString());
        }

        if (!request.ExpectedVersion.Matches(row.Version))
        {
            throw new VersionMismatchException("CareAgreement", request.ExpectedVersion, row.Version);
        }

        var today = clock.Today();
        var visitedOn = request.VisitedOn ?? today;
        if (visitedOn > today || visitedOn < row.StartsOn)
        {
            throw new Domain.Common.DomainValidationException("visitedOn", $"A visit is dated between the agreement's start ({row.StartsOn:yyyy-MM-dd}) and today ({today:yyyy-MM-dd}).");
        }

        var visit = new CareVisit(Guid.CreateVersion7(), visitedOn, request.Visitor.Trim(), request.Notes.Trim());
        var version = await agreements.AddVisitAsync(user.Scope, row.Id, row.Version, visit, row.RegionCode, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry("CareAgreement", row.Id.ToString(), "VisitRecorded", RegionCode.Parse(row.RegionCode), new { row.LastVisitOn }, visit, null),
            cancellationToken).ConfigureAwait(false);
        var updated = await agreements.GetAsync(user.Scope, row.Id, cancellationToken).ConfigureAwait(false) ?? row with { Version = version };
        return CareMapping.ToDto(updated, await agreements.VisitsAsync(user.Scope, row.Id, cancellationToken).ConfigureAwait(false), today);
    }
}

public sealed record ListOverdueCareVisitsQuery(string? RegionCode) : IQuery<IReadOnlyList<CareAgreementDto>>;

public sealed class ListOverdueCareVisitsValidator : AbstractValidator<ListOverdueCareVisitsQuery>
{
    public ListOverdueCareVisitsValidator() =>
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
}

public sealed class ListOverdueCareVisitsHandler(ICareAgreementRepository agreements, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListOverdueCareVisitsQuery, IReadOnlyList<CareAgreementDto>>
{
    public async Task<IReadOnlyList<CareAgreementDto>> Handle(ListOverdueCareVisitsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        var today = clock.Today();
        var rows = await agreements.ListOverdueAsync(scope, today, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => CareMapping.ToDto(r, [], today)).ToList();
    }
}

/// <summary>R-23: every decentralized tekun person has a care agreement; this lists those who do not yet.</summary>
public sealed record ListMissingCareAgreementsQuery(string? RegionCode) : IQuery<IReadOnlyList<EnrolmentWithoutAgreementDto>>;

public sealed class ListMissingCareAgreementsValidator : AbstractValidator<ListMissingCareAgreementsQuery>
{
    public ListMissingCareAgreementsValidator() =>
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
}

public sealed class ListMissingCareAgreementsHandler(ICareAgreementRepository agreements, ICurrentUser user)
    : IQueryHandler<ListMissingCareAgreementsQuery, IReadOnlyList<EnrolmentWithoutAgreementDto>>
{
    public async Task<IReadOnlyList<EnrolmentWithoutAgreementDto>> Handle(ListMissingCareAgreementsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        return await agreements.ListMissingAsync(scope, cancellationToken).ConfigureAwait(false);
    }
}
