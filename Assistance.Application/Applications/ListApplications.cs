namespace Assistance.Application.Applications.ListApplications;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Applications;
using Assistance.Domain.Regions;
using FluentValidation;

/// <summary>
/// Applications in a region subtree, oldest first. <c>overdue=true</c>: a statutory step is open past its due date
/// <c>flagged=true</c>: conflict-of-interest cases.
/// </summary>
public sealed record ListApplicationsQuery(
    string? RegionCode, ApplicationStatus? Status, Programme? Programme, bool? Overdue, bool? Flagged, int? Limit, string? Cursor)
    : IQuery<Page<ApplicationSummaryDto>>;

public sealed class ListApplicationsValidator : AbstractValidator<ListApplicationsQuery>
{
    public ListApplicationsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Cursor.MaxLimit);
        RuleFor(q => q.RegionCode).Must(c => c is null || Domain.Regions.RegionCode.TryParse(c, out _)).WithMessage("regionCode must be 6, 9 or 12 digits.");
    }
}

public interface IApplicationQueries
{
    Task<IReadOnlyList<ApplicationSummaryDto>> ListAsync(
        RegionScope scope, ApplicationStatus? status, Programme? programme, bool overdue, bool? flagged, DateOnly today, Guid? afterId, int limit,
        CancellationToken cancellationToken);
}

public sealed class ListApplicationsHandler(IApplicationQueries queries, ICurrentUser user, TimeProvider clock, Common.CursorCodec cursors)
    : IQueryHandler<ListApplicationsQuery, Page<ApplicationSummaryDto>>
{
    public async Task<Page<ApplicationSummaryDto>> Handle(ListApplicationsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = scope.Root;

        var limit = request.Limit ?? Common.Cursor.DefaultLimit;
        var today = clock.Today();
        var filters = $"applications|{region}|{request.Status}|{request.Programme}|{request.Overdue}|{request.Flagged}";
        Guid? after = cursors.Decode(request.Cursor, filters) is { } position ? (Guid.TryParse(position, out var id) ? id : throw Common.CursorCodec.Invalid()) : null;
        var rows = await queries.ListAsync(scope, request.Status, request.Programme, request.Overdue == true, request.Flagged, today, after, limit + 1, cancellationToken)
            .ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            next = cursors.Encode(rows[limit - 1].Id.ToString(), filters);
            rows = rows.Take(limit).ToList();
        }

        return new Page<ApplicationSummaryDto>(rows, next);
    }
}
