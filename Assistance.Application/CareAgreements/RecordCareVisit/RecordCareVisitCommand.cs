namespace Assistance.Application.CareAgreements.RecordCareVisit;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed record RecordCareVisitCommand(Guid AgreementId, IfMatch ExpectedVersion, DateOnly? VisitedOn, string Visitor, string Notes) : ICommand<CareAgreementDto>;
