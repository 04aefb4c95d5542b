namespace Assistance.Application.Applications.RecordCountyHomeVisit;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Applications;

// county home visit (conflict of interest, random check)
public sealed record RecordCountyHomeVisitCommand(
    Guid ApplicationId, IfMatch ExpectedVersion, CountyVisitPurpose Purpose, IReadOnlyList<string> Investigators, string Findings, string? Reason) : ICommand<ApplicationDto>;
