namespace Assistance.Application.Applications.RequestVerification;

using FluentValidation;

public sealed class RequestVerificationValidator : AbstractValidator<RequestVerificationCommand>
{
    public RequestVerificationValidator() => RuleFor(c => c.Reason).ReasonText();
}
