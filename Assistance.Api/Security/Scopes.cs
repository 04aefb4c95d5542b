namespace Assistance.Api.Security;

/// <summary>
/// The OAuth2 scopes the API checks; each is also an authorization policy of the same name. Only scopes with
/// endpoints behind them are listed (the contract declares exactly these, and run.sh's token carries them).
/// </summary>
public static class Scopes
{
    public const string RegistryRead = "registry.read";
    public const string RegistryWrite = "registry.write";
    public const string PolicyRead = "policy.read";
    public const string PolicyAdmin = "policy.admin";
    public const string CasesRead = "cases.read";
    public const string CasesWrite = "cases.write";
    public const string CasesApprove = "cases.approve";
    public const string PiiRead = Application.Abstractions.PiiAccess.Scope;
    public const string AuditRead = "audit.read";

    // Partner agencies (issue 13): status queries and webhook subscriptions.
    public const string StatusQuery = "status.query";
    public const string SubscriptionsRead = "subscriptions.read";
    public const string SubscriptionsWrite = "subscriptions.write";

    // Scheduled jobs and reports (issue 11).
    public const string OpsRead = "ops.read";
    public const string OpsRun = "ops.run";
    public const string ReportsRead = "reports.read";
    // Temporary-assistance payments and township reserve funds.
    public const string PaymentsRead = "payments.read";
    public const string PaymentsWrite = "payments.write";
    /// <summary>Partner agencies report life events .</summary>
    public const string EventsWrite = "events.write";

    public static readonly IReadOnlyList<string> All =
    [
        RegistryRead, RegistryWrite, PolicyRead, PolicyAdmin, CasesRead, CasesWrite, CasesApprove, PiiRead, AuditRead,
        OpsRead, OpsRun, ReportsRead, PaymentsRead, PaymentsWrite, EventsWrite, StatusQuery, SubscriptionsRead, SubscriptionsWrite,
    ];
}
