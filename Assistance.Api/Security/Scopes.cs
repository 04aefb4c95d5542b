namespace Assistance.Api.Security;

/// <summary>OAuth2 scopes of api.md; each is also an authorization policy of the same name.</summary>
public static class Scopes
{
    public const string RegistryRead = "registry.read";
    public const string RegistryWrite = "registry.write";
    public const string PolicyRead = "policy.read";
    public const string PolicyAdmin = "policy.admin";
    public const string CasesRead = "cases.read";
    public const string CasesWrite = "cases.write";
    public const string CasesApprove = "cases.approve";
    public const string PaymentsRead = "payments.read";
    public const string PaymentsWrite = "payments.write";
    public const string StatusQuery = "status.query";
    public const string EventsWrite = "events.write";
    public const string PiiRead = Application.Abstractions.PiiAccess.Scope;
    public const string AuditRead = "audit.read";
    public const string ReportsRead = "reports.read";

    public static readonly IReadOnlyList<string> All =
    [
        RegistryRead, RegistryWrite, PolicyRead, PolicyAdmin, CasesRead, CasesWrite, CasesApprove, PaymentsRead,
        PaymentsWrite, StatusQuery, EventsWrite, PiiRead, AuditRead, ReportsRead,
    ];
}
