namespace Assistance.Application.Applications.AcceptApplication;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

// accept (受理)
public sealed record AcceptApplicationCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ICommand<ApplicationDto>;
