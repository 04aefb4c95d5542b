namespace Assistance.Application.Applications.ExtendApplication;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

// extension 30 → 45 working days
public sealed record ExtendApplicationCommand(Guid ApplicationId, IfMatch ExpectedVersion, string Reason) : ICommand<ApplicationDto>;
