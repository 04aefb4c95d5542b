namespace Assistance.Application.Enrolments;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;
using Assistance.Domain.Regions;
using FluentValidation;

/// <summary>An enrolment (救助对象, R-22). ID numbers of covered persons are masked unless the caller holds pii.read.</summary>
public sealed record EnrolmentDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    Guid ApplicationId,
    Programme Programme,
    Guid HouseholdId,
    Guid? PersonMemberId,
    [property: MaxLength(50)] IReadOnlyList<CoveredPersonDto> Covered,
    decimal MonthlyAmount,
    Domain.Eligibility.DibaoClass? DibaoClass,
    [property: Range(1, 120)] int? ReviewIntervalMonths,
    DateOnly? NextReviewOn,
    [property: MaxLength(7)] string StartMonth,
    EnrolmentStatus Status,
    CareSetting? CareSetting,
    DateOnly ApprovedOn,
    DateOnly? EndedOn,
    JsonElement? Basis,
    [property: Range(0, long.MaxValue)] long Version)
{
    public static EnrolmentDto From(Enrolment e, string? basisJson = null, bool showIdNumbers = false)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EnrolmentDto(
            e.Id, e.Region.Value, e.ApplicationId, e.Programme, e.HouseholdId, e.PersonMemberId,
            e.Covered.Select(c => new CoveredPersonDto(c.MemberId, showIdNumbers ? c.IdNumber : Mask(c.IdNumber))).ToList(),
            e.MonthlyAmount, e.DibaoClass is null ? null : Enum.Parse<Domain.Eligibility.DibaoClass>(e.DibaoClass), e.ReviewIntervalMonths, e.NextReviewOn, e.StartMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            e.Status, e.CareSetting, e.ApprovedOn, e.EndedOn,
            basisJson is null ? null : JsonDocument.Parse(basisJson).RootElement.Clone(), e.Version);
    }

    private static string Mask(string id) => id.Length == 18 ? id[..6] + new string('*', 8) + id[14..] : "***";
}

public sealed record CoveredPersonDto(Guid MemberId, [property: MaxLength(18)] string IdNumber);

public interface IEnrolmentRepository
{
    /// <summary>
    /// Active enrolments covering any of these ID numbers, in every region (R-22 is national: the one deliberate read
    /// across scopes, through a database function). Takes a transaction-level lock per ID number first, so two
    /// concurrent enrolments of the same person are serialized and the second sees the first.
    /// </summary>
    Task<IReadOnlyList<ExistingEnrolment>> ActiveForIdNumbersAsync(IReadOnlyList<string> idNumbers, CancellationToken cancellationToken);

    Task AddAsync(RegionScope scope, Enrolment enrolment, string? basisJson, CancellationToken cancellationToken);

    Task<(Enrolment Enrolment, string? BasisJson)?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task SaveAsync(RegionScope scope, Enrolment enrolment, long expectedVersion, CancellationToken cancellationToken);

    Task<IReadOnlyList<Enrolment>> ListAsync(
        RegionScope scope, Programme? programme, EnrolmentStatus? status, Guid? householdId, Guid? afterId, int limit, CancellationToken cancellationToken);
}

public sealed record GetEnrolmentQuery(Guid Id) : IQuery<EnrolmentDto>;

public sealed class GetEnrolmentHandler(IEnrolmentRepository enrolments, ICurrentUser user) : IQueryHandler<GetEnrolmentQuery, EnrolmentDto>
{
    public async Task<EnrolmentDto> Handle(GetEnrolmentQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await enrolments.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false);
        if (found is not { } f)
        {
            throw new NotFoundException("Enrolment", request.Id.ToString());
        }

        return EnrolmentDto.From(f.Enrolment, f.BasisJson, user.HasScope("pii.read"));
    }
}

public sealed record ListEnrolmentsQuery(string? RegionCode, Programme? Programme, EnrolmentStatus? Status, Guid? HouseholdId, int? Limit, string? Cursor)
    : IQuery<Page<EnrolmentDto>>;

public sealed class ListEnrolmentsValidator : AbstractValidator<ListEnrolmentsQuery>
{
    public ListEnrolmentsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
    }
}

public sealed class ListEnrolmentsHandler(IEnrolmentRepository enrolments, ICurrentUser user, Common.CursorCodec cursors) : IQueryHandler<ListEnrolmentsQuery, Page<EnrolmentDto>>
{
    public async Task<Page<EnrolmentDto>> Handle(ListEnrolmentsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        var limit = request.Limit ?? Common.Cursor.DefaultLimit;
        var filters = $"enrolments|{region}|{request.Programme}|{request.Status}|{request.HouseholdId}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } p ? (Guid.TryParse(p, out var id) ? id : throw Common.CursorCodec.Invalid()) : null;
        var rows = await enrolments.ListAsync(scope, request.Programme, request.Status, request.HouseholdId, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        var pii = user.HasScope("pii.read");
        return new Page<EnrolmentDto>(rows.Select(e => EnrolmentDto.From(e, null, pii)).ToList(), next);
    }
}

public enum EnrolmentAction
{
    Suspend,
    Resume,
    StartGradualExit,
    End,
}

/// <summary>Status changes of an enrolment: an ended enrolment is never reactivated.</summary>
public sealed record ChangeEnrolmentStatusCommand(Guid Id, IfMatch ExpectedVersion, EnrolmentAction Action, string Reason) : ICommand<EnrolmentDto>;

public sealed class ChangeEnrolmentStatusValidator : AbstractValidator<ChangeEnrolmentStatusCommand>
{
    public ChangeEnrolmentStatusValidator()
    {
        RuleFor(c => c.Action).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
    }
}

public sealed class ChangeEnrolmentStatusHandler(IEnrolmentRepository enrolments, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeEnrolmentStatusCommand, EnrolmentDto>
{
    public async Task<EnrolmentDto> Handle(ChangeEnrolmentStatusCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await enrolments.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false);
        if (found is not { } f)
        {
            throw new NotFoundException("Enrolment", request.Id.ToString());
        }

        var e = f.Enrolment;
        var loadedVersion = e.Version;
        if (!request.ExpectedVersion.Matches(e.Version))
        {
            throw new VersionMismatchException("Enrolment", request.ExpectedVersion, e.Version);
        }

        var before = e.Status;
        switch (request.Action)
        {
            case EnrolmentAction.Suspend: e.Suspend(); break;
            case EnrolmentAction.Resume: e.Resume(); break;
            case EnrolmentAction.StartGradualExit: e.StartGradualExit(); break;
            default: e.End(clock.Today()); break;
        }

        await enrolments.SaveAsync(user.Scope, e, loadedVersion, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry("Enrolment", e.Id.ToString(), request.Action.ToString(), e.Region, new { Status = before }, new { e.Status, e.EndedOn }, request.Reason),
            cancellationToken).ConfigureAwait(false);
        return EnrolmentDto.From(e, f.BasisJson, user.HasScope("pii.read"));
    }
}
