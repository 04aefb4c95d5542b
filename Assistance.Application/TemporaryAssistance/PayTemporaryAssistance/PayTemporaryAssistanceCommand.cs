namespace Assistance.Application.TemporaryAssistance.PayTemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

// 发放: paid out of the township's reserve fund; a submitted emergency case is paid first (先行救助, R-44).
public sealed record PayTemporaryAssistanceCommand(Guid Id, IfMatch ExpectedVersion, string? Reason) : ICommand<TemporaryAssistanceDto>;
