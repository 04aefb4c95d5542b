namespace Assistance.Application.Applications.ClosePublicNotice;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed record ClosePublicNoticeCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ICommand<ApplicationDto>;
