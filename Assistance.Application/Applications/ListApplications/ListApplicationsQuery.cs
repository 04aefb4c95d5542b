namespace Assistance.Application.Applications.ListApplications;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Applications;

/// <summary>
/// Applications in a region subtree, oldest first. <c>overdue=true</c>: a statutory step is open past its due date
/// <c>flagged=true</c>: conflict-of-interest cases.
/// </summary>
public sealed record ListApplicationsQuery(
    string? RegionCode, ApplicationStatus? Status, Programme? Programme, bool? Overdue, bool? Flagged, int? Limit, string? Cursor)
    : IQuery<Page<ApplicationSummaryDto>>;
