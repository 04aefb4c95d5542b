namespace Assistance.Application.Enrolments.GetEnrolment;

using Assistance.Application.Abstractions;

public sealed record GetEnrolmentQuery(Guid Id) : IQuery<EnrolmentDto>;
