namespace Assistance.Application.Applications.RequestVerification;

using Assistance.Application.Common;
using FluentValidation;

public sealed class RequestVerificationValidator : AbstractValidator<RequestVerificationCommand>
{
    public RequestVerificationValidator() => RuleFor(c => c.Reason).ReasonText();
}
