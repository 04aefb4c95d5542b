namespace Assistance.Api.OpenApi;

/// <summary>
/// What each operation enforces, in the contract's own words. The summary (on the endpoint) says what the
/// operation does; this adds the rules it applies, and <see cref="ContractDescriptionTransformer"/> appends the
/// scopes it needs from the endpoint's authorization metadata, so the scopes cannot drift from the code.
/// A test fails when an operation has no entry here.
/// </summary>
public static class OperationDocs
{
    public static readonly IReadOnlyDictionary<string, string> Rules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ListRegions"] = "Administrative divisions (行政区划) as 6-digit county, 9-digit township and 12-digit village codes. Reference data: every region is listed whatever the caller's own region.",
        ["GetRegion"] = "Reference data, readable by any authenticated caller. An unknown code is 404 `region.not-found`.",
        ["CreateHousehold"] = "The region must exist and lie in the caller's region. Each member's ID number must carry a valid GB 11643 check digit, agree with any birth date and sex given, appear once in the household and belong to no other household (R-22); a household has at most one head (R-20). Send `Idempotency-Key` to retry safely.",
        ["ListHouseholds"] = "Only households inside the caller's region are listed; ID numbers are masked without `pii.read`. Cursor pagination: pass `nextCursor` back as `cursor` with the same filters.",
        ["GetHousehold"] = "A household outside the caller's region is 404. ID numbers are masked without `pii.read`. The `ETag` header is the version to send as `If-Match` on changes.",
        ["ReplaceHousehold"] = "Optimistic concurrency: `If-Match` with the ETag of the last GET is required (428 without it, 412 when stale). The same register rules as creation apply (R-20, R-22); a masked ID number keeps the stored one.",
        ["LookupHousehold"] = "The ID number travels in the body so that it never appears in URLs or logs. A household outside the caller's region is 404, as if it did not exist.",
        ["AddHouseholdMember"] = "`If-Match` required. The new member's ID number must be valid and not registered in any household (R-22).",
        ["UpdateHouseholdMember"] = "`If-Match` required. A masked or omitted ID number keeps the stored one; birth date and sex must agree with the number (R-22).",
        ["RemoveHouseholdMember"] = "`If-Match` required. The member's history stays in the audit trail.",
        ["ListCalendarYears"] = "The working-day calendar is national: deadlines counted in working days (R-50) use it.",
        ["GetCalendarYear"] = "A year the calendar does not hold is 404; a deadline that needs it is an explicit 409 rather than a guess (R-50).",
        ["PutCalendarYear"] = "Holidays and make-up working days (调休) come from the State Council notice named in `source`; a make-up day must fall on a weekend and a holiday on a date of that year. Replacing an existing year needs `If-Match`.",
        ["SubmitApplication"] = "The applicant applies where the household is registered, or where they hold a residence permit (R-20; N-57 Art.4-5). The signed commitment (告知承诺) is required. Applications of registered close relatives of staff are flagged (R-21). Starts the statutory deadlines (R-50).",
        ["ListApplications"] = "Only applications in the caller's region are listed. Cursor pagination with `limit` and `cursor`.",
        ["GetApplication"] = "Each statutory step carries its due date in working days and whether it was met (R-50).",
        ["AcceptApplication"] = "Only a submitted application can be accepted (R-20 lifecycle); acceptance starts the whole-process limit (R-50).",
        ["RequestVerification"] = "Every application is checked (逢进必核, S0 二): the request opens one result slot per verification source.",
        ["RecordVerificationResult"] = "A discrepancy must state its details. No approval is possible until every source has a result (R-20; S0 二).",
        ["RecordHomeSurvey"] = "At least two investigators (R-20; N-57 入户调查, N-43).",
        ["OpenPublicNotice"] = "The notice runs 7 calendar days (R-20, R-50); it needs a completed survey and every verification result.",
        ["RecordObjection"] = "Only while the notice is open. A democratic evaluation must state its outcome (R-20; N-57 民主评议).",
        ["ClosePublicNotice"] = "Refused before the 7 calendar days have passed (R-20, R-50); closing starts the county's decision limit.",
        ["RecordCountyHomeVisit"] = "Flagged close-relative cases need a county home visit before approval (R-21); tekun random checks are recorded the same way (N-43).",
        ["ExtendApplication"] = "Dibao only, once, with a reason: the whole process goes from 30 to 45 working days (R-50).",
        ["DecideApplication"] = "Approval runs the eligibility engine (R-10 … R-19) on the stored household and stores the result and trace; it creates the enrolment paying from the following month, keeping dibao and tekun exclusive and one active household per person (R-22). A rejection needs written reasons; a tekun approval needs the care setting.",
        ["IssueRefusalNotice"] = "Only after a rejection; the refusal states its reasons in writing (R-20; N-57, N-43).",
        ["SelectRandomChecks"] = "Draws at least 30 % of the county's tekun applications awaiting decision for a county home check (N-43).",
        ["RegisterCloseRelative"] = "The relative's ID number must be valid (GB 11643); later applications of that person are flagged for a county home visit (R-21).",
        ["ListCloseRelatives"] = "Only the caller's region subtree; ID numbers masked without `pii.read`.",
        ["ListEnrolments"] = "Only enrolments in the caller's region. Cursor pagination with `limit` and `cursor`.",
        ["GetEnrolment"] = "Carries the stored assessment and its trace: why the household was enrolled.",
        ["ChangeEnrolmentStatus"] = "Suspend, resume, gradual exit (渐退) or end; an ended enrolment is final and never reactivated (R-22).",

        // Early warning, scheduled jobs and reports (issue 11).
        ["ListAlerts"] = "Alerts raised by the daily rule runs (R-36 early warning, R-61 duplicate ID numbers, R-30 overdue reviews), each naming its rule, R-id and source clause. Only the caller's region subtree. Filter by `rule` and `status`; cursor pagination with `limit` and `cursor`.",
        ["GetAlert"] = "An alert outside the caller's region is 404. The `ETag` header is the version to send as `If-Match`.",
        ["AcknowledgeAlert"] = "`If-Match` required. Only an Open alert can be acknowledged; a resolved alert is final (409 `alert.resolved`, R-36).",
        ["ResolveAlert"] = "`If-Match` required; the note is required. A resolved alert is final; if the condition is found again by a later rule run, a new alert is raised (R-36). The rule run also resolves alerts whose condition no longer holds, as `system:alert-rules`.",
        ["ListJobs"] = "Jobs run once per period across all replicas (clustered Quartz store); each lists its cron schedule, the period it works on, its last run (outcome and counts) and its next fire time (null when this replica runs no scheduler).",
        ["RunJob"] = "Runs synchronously and returns the run record. A period that has already run, or is running, is not run again: the answer is a run with outcome `Skipped` pointing at the run that did the work (`sameAsRun`). A Failed period can be run again. An unknown job is 404.",
        ["MedicalInsuranceChanges"] = "R-37: one row per person whose enrolment's first paid month is the month (Started) or whose enrolment ended in it (Ended), with programme and dates, in the caller's region subtree; ID numbers masked without `pii.read`. Cursor pagination; the totals cover the whole month.",
        ["CreateCareAgreement"] = "Only for an active decentralized tekun enrolment, one agreement each (R-23).",
        ["ListOverdueCareVisits"] = "A visit is overdue when the days since the last visit (or the start) exceed the agreed frequency (R-23).",
        ["ListMissingCareAgreements"] = "Decentralized tekun persons must have a care agreement (R-23); this lists the gaps to close.",
        ["GetCareAgreement"] = "An agreement outside the caller's region is 404.",
        ["RecordCareVisit"] = "Visits keep the agreement out of the overdue list for the agreed number of days (R-23).",
        ["ListAuditEvents"] = "Every change is audited with actor, time and reason; events are append-only. ID numbers are masked without `pii.read`.",
        ["GetResolvedParameters"] = "Every number a rule uses is a dated, region-scoped parameter with its source; the nearest region holding a value in force on the date wins (R-02).",
        ["SetParameterValue"] = "Values are dated and never overwritten: a correction names the value it supersedes, overlaps are 409. Money has at most two decimals and is never negative; floors and the minimum annual increase give warnings naming their rule and clause (R-02).",
        ["GetParameterHistory"] = "Superseded values stay visible; `asOf` shows what was believed at that instant (R-02).",
        ["ListPolicySources"] = "The documents rule traces cite (S0–S4, N-57, N-43 and the rest).",
        ["AssessHousehold"] = "Runs the eligibility engine: counted members (R-01), income and assets tests (R-10, R-11), tekun standards (R-12, R-13), dibao amount, class and stability (R-14, R-15), expenditure and marginal routes (R-16, R-17), and the household outcome (R-19). Every parameter read appears in the trace with its region, date and source. Nothing is stored.",
        ["AssessStoredHousehold"] = "Assesses the stored household as the engine would on approval (R-10 … R-19). A household outside the caller's region is 404. Nothing is stored.",
        // Partner agencies (issue 13); docs/partners.md for integrators.
        ["QueryStatuses"] = "For each item: whether the person currently holds an enrolment that has not ended (R-22), of which programmes, since which month and in which region, and nothing more (no amounts, no household). An unknown ID number and one outside the caller's regions get the same answer (no enumeration). Up to `StatusQueries:SynchronousLimit` items (default 1,000) are answered at once (200); larger batches up to `StatusQueries:MaxBatch` are accepted as a job (202 with `Operation-Location`). Partner calls are audited with the agency, as counts only. Rate-limited per agency (429 with `Retry-After`).",
        ["GetStatusQueryJob"] = "Only the caller (subject, agency and region scope) that started the job can read it; others get 404. `Pending` carries `Retry-After`; `Completed` has one answer per item in the request's order. Jobs are deleted after `StatusQueries:RetentionHours` (default 24).",
        ["CreateSubscription"] = "Only partner agencies (a token with an `agency` claim). The callback URL must be absolute, https outside Development; event types are not repeated. Events of the caller's region subtree are delivered, signed with HMAC-SHA256 over `timestamp.body` (headers `Webhook-Id`, `Webhook-Timestamp`, `Webhook-Signature: v1=<hex>`); the secret is returned this once and stored encrypted.",
        ["ListSubscriptions"] = "The live subscriptions of the caller's agency inside its region scope.",
        ["GetSubscription"] = "A subscription of another agency, or outside the caller's region, is 404. The secret is never shown again.",
        ["DeleteSubscription"] = "Nothing more is delivered to a deleted subscription.",
        ["ListDeadLetters"] = "Deliveries that failed `Partners:Delivery:MaxAttempts` attempts (retries with exponential backoff and jitter), oldest first, with the last error (HTTP status or network error).",
        ["RedeliverDeadLetter"] = "Puts the dead letter back in the queue with its original event id (receivers de-duplicate on it); attempts start again.",
    };
}
