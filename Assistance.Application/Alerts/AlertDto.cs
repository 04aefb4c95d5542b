namespace Assistance.Application.Alerts;

using System.ComponentModel.DataAnnotations;
using Assistance.Domain.Alerts;

/// <summary>An alert (预警) raised by a rule run: the rule, its R-id and source clause, the subject, and the lifecycle.</summary>
public sealed record AlertDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    [property: MaxLength(60)] string Rule,
    [property: MaxLength(10)] string RuleId,
    [property: MaxLength(200)] string Source,
    Guid EnrolmentId,
    Guid HouseholdId,
    Guid? MemberId,
    [property: MaxLength(500)] string Detail,
    AlertStatus Status,
    DateOnly RaisedOn,
    DateOnly LastSeenOn,
    DateTimeOffset? AcknowledgedAt,
    [property: MaxLength(200)] string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    [property: MaxLength(200)] string? ResolvedBy,
    [property: MaxLength(2000)] string? ResolutionNote,
    [property: Range(0, long.MaxValue)] long Version)
{
    public static AlertDto From(AlertState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new AlertDto(
            s.Id, s.RegionCode, s.Rule, s.RuleId, s.Source, s.EnrolmentId, s.HouseholdId, s.MemberId, s.Detail, s.Status, s.RaisedOn, s.LastSeenOn,
            s.AcknowledgedAt, s.AcknowledgedBy, s.ResolvedAt, s.ResolvedBy, s.ResolutionNote, s.Version);
    }
}
