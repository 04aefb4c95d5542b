namespace Assistance.Application.TemporaryAssistance.ApproveTemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

// 审批 at the case's tier; 一事一议 names the coordination meeting.
public sealed record ApproveTemporaryAssistanceCommand(Guid Id, IfMatch ExpectedVersion, string? MeetingReference, string? Reason) : ICommand<TemporaryAssistanceDto>;
