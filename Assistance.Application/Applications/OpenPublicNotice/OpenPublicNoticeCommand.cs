namespace Assistance.Application.Applications.OpenPublicNotice;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

// public notice (公示)
public sealed record OpenPublicNoticeCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ICommand<ApplicationDto>;
