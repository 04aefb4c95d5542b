namespace Assistance.Application.Applications.DecideApplication;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;

/// <summary>
/// The county's decision (审核确认, R-20). Approve: the rules are checked (逢进必核, conflict-of-interest visit, random
/// check), the engine assesses the household on the decision date, the result and trace are stored with the decision,
/// and the enrolment is created from it. Reject: written reasons.
/// </summary>
public sealed record DecideApplicationCommand(Guid ApplicationId, IfMatch ExpectedVersion, DecisionKind Decision, string? Reasons, CareSetting? CareSetting)
    : ICommand<ApplicationDto>;
