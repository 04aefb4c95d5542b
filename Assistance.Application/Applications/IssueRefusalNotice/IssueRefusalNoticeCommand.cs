namespace Assistance.Application.Applications.IssueRefusalNotice;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

// refusal notice
public sealed record IssueRefusalNoticeCommand(Guid ApplicationId, IfMatch ExpectedVersion, string? Reason) : ICommand<ApplicationDto>;
