namespace Assistance.Application.Applications.RequestVerification;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

// request verification (家庭经济状况核对)
public sealed record RequestVerificationCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ICommand<ApplicationDto>;
