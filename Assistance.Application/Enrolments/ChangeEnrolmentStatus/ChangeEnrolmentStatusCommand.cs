namespace Assistance.Application.Enrolments.ChangeEnrolmentStatus;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>Status changes of an enrolment: an ended enrolment is never reactivated.</summary>
public sealed record ChangeEnrolmentStatusCommand(Guid Id, IfMatch ExpectedVersion, EnrolmentAction Action, string Reason) : ICommand<EnrolmentDto>;
