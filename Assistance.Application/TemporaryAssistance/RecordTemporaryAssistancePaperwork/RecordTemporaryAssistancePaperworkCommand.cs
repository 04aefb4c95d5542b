namespace Assistance.Application.TemporaryAssistance.RecordTemporaryAssistancePaperwork;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

// 事后补充说明情况: the paperwork of a first-aid payment, with the approval at the case's tier.
public sealed record RecordTemporaryAssistancePaperworkCommand(Guid Id, IfMatch ExpectedVersion, string Explanation, string? MeetingReference, string? Reason)
    : ICommand<TemporaryAssistanceDto>;
