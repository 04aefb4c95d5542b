namespace Assistance.Application.Enrolments.RecordWorkRefusal;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>Records that a covered member refused suitable work (R-35; N-57 Art.34).</summary>
public sealed record RecordWorkRefusalCommand(
    Guid EnrolmentId, IfMatch ExpectedVersion, Guid MemberId, DateOnly RefusedOn, string Offer, bool Justified, string? Justification) : ICommand<WorkRefusalDto>;
