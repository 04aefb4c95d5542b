namespace Assistance.Application.TemporaryAssistance.ListTemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.TemporaryAssistance;

/// <summary>Cases in a region subtree; <c>paperworkOverdue=true</c>: first-aid payments whose paperwork is past due .</summary>
public sealed record ListTemporaryAssistanceQuery(
    string? RegionCode, TemporaryAssistanceStatus? Status, TemporaryAssistanceType? Type, ApprovalTier? Tier, bool? PaperworkOverdue, int? Limit, string? Cursor)
    : IQuery<Page<TemporaryAssistanceDto>>;
