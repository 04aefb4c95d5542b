namespace Assistance.Application.Enrolments.ListEnrolments;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;

public sealed record ListEnrolmentsQuery(string? RegionCode, Programme? Programme, EnrolmentStatus? Status, Guid? HouseholdId, int? Limit, string? Cursor)
    : IQuery<Page<EnrolmentDto>>;
