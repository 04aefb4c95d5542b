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
        // Reviews (issue 11: R-30 … R-32).
        ["RecordReview"] = "`If-Match` with the enrolment's ETag is required (a retried review never applies twice; send `Idempotency-Key` too). Only an active enrolment is reviewed, on a date between its approval and today. Update the stored household first and name its version: a later change is 409 `review.household-version-stale`. The engine reassesses that household on the review date (R-10 … R-19; tekun minors still in school continue, R-34); the outcome rule decides Continue, Adjust (new amount from the next month), GradualExit (over the line because a member found work, dibao only: the amount continues for `dibao.gradualExit.maxMonths` of the region, then the enrolment ends; R-32; S0 一; S1 一.3; N-83) or Terminate (R-30; N-57 Art.31). While a review moratorium is in force the outcome is kept and the termination waits for its end (R-31). The next review date advances by the reassessed interval (`review.intervalMonths.*`).",
        ["ListReviews"] = "An enrolment outside the caller's region is 404. Cursor pagination with `limit` and `cursor`.",
        ["GetReview"] = "Carries the reassessment on the review date with its trace, and the rule and clause that decided the outcome (R-30, R-32).",
        ["ListDueReviews"] = "Enrolments not ended whose next review date (set from `review.intervalMonths.tekun`, `.dibaoStable`, `.dibaoUnstable` of the region on the approval or review date) is before `before`, excluding regions where a review moratorium is in force today for the region or an ancestor (R-31); what it held falls due once it ends. Ordered by region code, due date and id; cursor pagination.",
        ["EndExpiredGradualExits"] = "Ends, as of `asOf` (default today, never later), every enrolment of the caller's region whose gradual exit has run its length (R-32) and every termination a moratorium postponed (R-31), where no moratorium is in force that day; the end date is the exit's own day, or the last day of the moratorium that held it. Idempotent: a second run for the same day ends nothing more.",
        ["CreateReviewMoratorium"] = "A moratorium covers the region's whole subtree from `from` until the day before `to` (open-ended without it): nothing there falls due and no exit, termination or gradual-exit end takes effect (R-31; S4 三). Region data with its source; `endSource` is required with `to`.",
        ["ListReviewMoratoriums"] = "The moratoriums of the region's subtree and of its ancestors (a province's binds its counties).",
        ["GetReviewMoratorium"] = "A moratorium of the caller's subtree or of an ancestor; otherwise 404.",
        ["AmendReviewMoratorium"] = "`If-Match` required. Setting `to` ends the moratorium and needs `endSource`; what it held falls due from that day. Only the moratoriums of the caller's own subtree can be amended (an ancestor's is 404).",
        // Temporary assistance (临时救助) and township reserve funds (备用金), R-42 … R-45.
        ["OpenTemporaryAssistance"] = "For anyone, local hukou or not, in the township (9 digits) where the emergency happened (R-42; S2 四(十三); S0 三). The amount is divided by the township's dibao standard in force on `occurredOn` — urban or rural as stated, or derived from the township code (街道 001–099 urban, towns rural) — and the tier follows: Township up to `temporary.townshipApprovalMaxMonths`, County above, CaseByCase (一事一议) above `temporary.caseByCaseAboveMonths` (R-43). An unemployed-migrant grant must lie within `temporary.unemployedMigrant.minMonths`…`maxMonths` of the standard (S0 三), else 409 `temporary-assistance.migrant-grant-out-of-band`; a region without the band answers 422 `policy.parameter-not-in-force`. Send `Idempotency-Key` to retry safely.",
        ["ListTemporaryAssistance"] = "Only cases in the caller's region subtree. `paperworkOverdue=true`: first-aid payments whose paperwork is still missing after `paperworkDueOn` (R-44). ID numbers masked without `pii.read`. Cursor pagination with `limit` and `cursor`.",
        ["GetTemporaryAssistance"] = "A case outside the caller's region is 404. Carries the evaluation (standard, months, tier) and every parameter it read with its source. The `ETag` is the version to send as `If-Match`.",
        ["ApproveTemporaryAssistance"] = "Only a submitted case. The caller's account must be at the case's tier: a township account approves Township cases only, County and CaseByCase cases need a county (or higher) account (409 `temporary-assistance.decision-above-tier`); a CaseByCase approval needs `meetingReference` (409 `temporary-assistance.meeting-reference-required`) (R-43).",
        ["RefuseTemporaryAssistance"] = "Only a submitted case, by an account at the case's tier (R-43), with written reasons.",
        ["PayTemporaryAssistance"] = "An approved case is paid; a submitted Emergency case may be paid first (先行救助) by an account at its tier, its paperwork then due `temporary.firstAid.paperworkDueDays` days later (R-44). The amount is disbursed from the township's reserve fund in the same transaction: when the fund cannot cover it, 409 `reserve-fund.insufficient-balance` and nothing changes (R-45). A case is paid once; send `Idempotency-Key` so a retry returns the first answer.",
        ["RecordTemporaryAssistancePaperwork"] = "Only for a first-aid payment, once: the explanation (事后补充说明情况) and the approval at the case's tier, with `meetingReference` for CaseByCase (R-43, R-44).",
        ["GetReserveFund"] = "The township must lie in the caller's region; a township without a fund yet is 404 `reserve-fund.not-found`. Balance = topped up − disbursed, never negative (R-45).",
        ["ListReserveFundEntries"] = "The append-only ledger, oldest first, each entry with the balance after it and the case a disbursement paid. Cursor pagination with `limit` and `cursor`.",
        ["TopUpReserveFund"] = "A positive amount with at most two decimals; the first top-up opens the township's fund. Send `Idempotency-Key` so a retry does not top up twice (R-45).",
        ["GetMonthlyReport"] = "R-62. Per region — the requested one first, then every region below it that holds data, each over its whole subtree — and per programme: households and persons with an enrolment in force in the month (paying from that month or before and not ended before it began), the sum of their monthly amounts, enrolments approved and ended in the month; temporary-assistance cases opened and paid and the amount paid. `amountsPaid`, `priceSubsidies`, `reviewsDue` and `reviewsDoneOnTime` are null until payment rolls and reviews are wired (`notYetWired`). A region outside the caller's is 404.",
        ["GetMonthlyReportCsv"] = "The JSON report as CSV (UTF-8, header row): one row per region and programme and one `TemporaryAssistance` row per region; figures not wired yet are empty cells.",

        // Life events from partner agencies, overpayments, reassessment tasks (R-33 … R-35).
        ["ReceiveLifeEvent"] = "Idempotent by (`reportingAgency`, `eventId`): a repeat with the same content returns the first response (201, same body) and changes nothing; different content under the same id is 409 `life-event.id-reused`. The ID number is matched to a household inside the caller's region; an unknown number is kept as `Unmatched` in the caller's region (listable, never lost). Death and Imprisonment apply at once, in the month they happened (S0 二): the member stops being counted (R-01), a sole member's or the tekun person's enrolment ends on the event date, the rest of the household is reassessed by the engine from the next month, and payments already made for later months become overpayments. Birth, Release, DisabilityCertified, Employment, Unemployment and HukouTransfer open a reassessment task; no amount changes until it is completed.",
        ["ListLifeEvents"] = "Only events in the caller's region subtree (unmatched events belong to the region of the caller that reported them). ID numbers masked without `pii.read`. Cursor pagination with `limit` and `cursor`.",
        ["GetLifeEvent"] = "An event outside the caller's region is 404. Shows what the event changed (`effects`). ID numbers masked without `pii.read`.",
        ["ListOverpayments"] = "Only overpayments in the caller's region. Cursor pagination with `limit` and `cursor`. ID numbers masked without `pii.read`.",
        ["GetOverpayment"] = "Each month paid beyond what was due after a death or imprisonment month: paid, due and the amount to recover (R-33). The `ETag` is the version for `If-Match`.",
        ["ResolveOverpayment"] = "`If-Match` required. An Open overpayment becomes Recovered (追回) or WrittenOff (核销) once, with a note; a resolved one is final (409 `overpayment.invalid-transition`).",
        ["ListReassessmentTasks"] = "Only tasks in the caller's region. Cursor pagination with `limit` and `cursor`.",
        ["GetReassessmentTask"] = "The task says what to record before completing it (the new member, the certificate, the job …).",
        ["CompleteReassessmentTask"] = "`If-Match` required. A Release makes the member counted again; then the engine reassesses the stored household and each active enrolment's amount changes from the month after completion (R-33). An enrolment the engine no longer grants is left unchanged and listed in `needingReview` for a review to decide.",
        ["RecordWorkRefusal"] = "`If-Match` with the enrolment's ETag required. The refusal that makes `dibao.workRefusal.consecutiveRefusalsToCut` (3, N-57 Art.34) consecutive refusals without justified reason cuts the member's share — the monthly amount divided by the covered persons still counted, rounded to the fen — from the month after the refusal; a justified refusal ends the run.",
        ["EndTekunMinorsAtAgeLimit"] = "R-34 (N-43): a tekun person enrolled as a minor who has reached `tekun.minorAgeLimit` (region and date parameter) by `asOf` is ended as of that birthday unless recorded as in school while `tekun.continueInSchoolAfterMinorAge` holds, or holding a qualifying disability. Set-based selection; idempotent (an ended enrolment is not selected again). Only enrolments in the caller's region.",
    };
}
