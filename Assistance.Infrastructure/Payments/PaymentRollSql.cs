namespace Assistance.Infrastructure.Payments;

/// <summary>
/// The set-based generation of a roll: one INSERT … SELECT writes every line — the monthly amounts of
/// the enrolments in force, the price subsidy of the month and the re-issues of failed lines — and, from its RETURNING
/// rows in the same statement, the control totals. Never a loop of row inserts.
/// </summary>
internal static class PaymentRollSql
{
    /// <summary>
    /// R-40; N-57 Art.21: an enrolment pays for month M when it started by M (start month = month after approval), is not
    /// suspended, and has not ended before M (an enrolment ended during M pays M). Gradual exit pays as Active.
    /// Mirrors <c>Assistance.Domain.Payments.PaidMonths</c>.
    /// </summary>
    public const string InForce = """
        e.programme = @programme AND starts_with(e.region_code, @prefix)
          AND e.start_month <= @month AND e.status <> 'Suspended' AND (e.ended_on IS NULL OR e.ended_on >= @month)
        """;

    /// <summary>
    /// One or two monthly lines per enrolment. Tekun: basic from the stored basis — the tekun member whose own
    /// amount is the enrolment's amount, else the first tekun member — capped at the enrolment's current amount, and care
    /// (R-13) = the rest; without a stored basis the whole amount is basic. Dibao without a dibao class = single-person
    /// dibao (R-17: the only dibao grant without a unit).
    /// </summary>
    private static string MonthlyLines(bool tekun) => tekun
        ? """
          SELECT i.id AS enrolment_id, i.region_code, i.household_id, i.person_member_id, i.application_id, k.kind, k.amount
          FROM inforce i
          CROSS JOIN LATERAL (SELECT LEAST(i.monthly_amount, coalesce(
                  (jsonb_path_query_first(i.basis, '$.members[*] ? (@.outcome == "Tekun" && @.monthlyAmount == $a).tekunBasic', jsonb_build_object('a', i.monthly_amount)))::text::numeric,
                  (jsonb_path_query_first(i.basis, '$.members[*] ? (@.outcome == "Tekun").tekunBasic'))::text::numeric,
                  i.monthly_amount)) AS basic) b
          CROSS JOIN LATERAL (VALUES ('TekunBasic', b.basic), ('TekunCare', i.monthly_amount - b.basic)) AS k(kind, amount)
          WHERE k.amount > 0
          """
        : """
          SELECT i.id AS enrolment_id, i.region_code, i.household_id, i.person_member_id, i.application_id,
                 CASE WHEN i.programme = 'Dibao' AND i.dibao_class IS NULL THEN 'DibaoSinglePerson'
                      WHEN i.programme = 'Dibao' THEN 'DibaoHousehold' ELSE i.programme END AS kind,
                 i.monthly_amount AS amount
          FROM inforce i
          WHERE i.monthly_amount > 0
          """;

    /// <summary>
    /// R-33 through R-40 (payments.overpaymentHandling = Deduct): what each open overpayment of the county still has
    /// outstanding — its amount less the deductions of standing lines (live, not Failed). The liveness of a deduction's
    /// line is read by a scalar subquery (an index probe per deduction) so that the generation's hash-join setting never
    /// turns it into a scan of every roll line.
    /// </summary>
    private const string Owed = """
        owed AS MATERIALIZED (
            SELECT o.id, o.enrolment_id, o.region_code, o.raised_on,
                   o.amount - coalesce((SELECT sum(d.amount) FROM overpayment_deductions d
                                        WHERE d.overpayment_id = o.id
                                          AND coalesce((SELECT l.live AND l.status <> 'Failed' FROM payment_roll_lines l WHERE l.id = d.line_id), false)), 0)
                     AS outstanding
            FROM overpayments o
            WHERE o.status = 'Open' AND starts_with(o.region_code, @prefix)
        ),
        owed_by_enrolment AS (
            SELECT enrolment_id, sum(outstanding) AS outstanding FROM owed WHERE outstanding > 0 GROUP BY enrolment_id
        ),
        """;

    public static string Generate(bool tekun, bool subsidy, bool deduct) => $"""
        WITH inforce AS MATERIALIZED (
            SELECT e.id, e.region_code, e.household_id, e.person_member_id, e.application_id, e.programme, e.monthly_amount, e.dibao_class
                   {(tekun ? ", e.basis" : string.Empty)}
            FROM enrolments e
            WHERE {InForce}
        ),
        monthly AS ({MonthlyLines(tekun)}),
        {(deduct ? Owed : string.Empty)}
        candidates AS (
            -- The deduction (R-33) falls on the enrolment's own monthly line (tekun: the basic line), up to its amount;
            -- never on a price subsidy or a re-issue.
            SELECT m.enrolment_id, m.region_code, m.kind, m.household_id, m.person_member_id, m.application_id, @month AS period, m.amount,
                   NULL::integer AS persons, NULL::uuid AS price_index_id, NULL::uuid AS reissue_of,
                   {(deduct ? "CASE WHEN m.kind <> 'TekunCare' AND ob.outstanding > 0 THEN LEAST(m.amount, ob.outstanding) END" : "NULL::numeric")} AS deduction
            FROM monthly m
            {(deduct ? "LEFT JOIN owed_by_enrolment ob ON ob.enrolment_id = m.enrolment_id" : string.Empty)}
            {(subsidy ? """
            UNION ALL
            -- R-41: counted members covered by the enrolment × the amount per person for the household's residence.
            SELECT i.id, i.region_code, 'PriceSubsidy', i.household_id, i.person_member_id, i.application_id, @indexMonth,
                   p.n * CASE h.residence WHEN 'Urban' THEN @urbanPerPerson ELSE @ruralPerPerson END, p.n, @priceIndexId, NULL::uuid, NULL::numeric
            FROM inforce i
            JOIN households h ON h.id = i.household_id
            -- Only members still counted (R-01: Present): a member who died or is imprisoned stays in the enrolment's
            -- covered list (R-33 ends counting, not coverage), but receives no subsidy. The member's status is read by a
            -- scalar subquery (an index probe) so that the statement's hash-join setting never scans every member per line.
            CROSS JOIN LATERAL (SELECT count(*)::integer AS n FROM enrolment_persons ep
                                WHERE ep.enrolment_id = i.id
                                  AND (SELECT m.status FROM household_members m WHERE m.id = ep.member_id) = 'Present') p
            WHERE p.n > 0
            """ : string.Empty)}
            UNION ALL
            -- Failed lines of earlier months of this county and programme, not yet re-issued.
            SELECT f.enrolment_id, f.region_code, f.kind, f.household_id, f.person_member_id, f.application_id, f.period, f.amount,
                   f.persons, f.price_index_id, f.id, NULL::numeric
            FROM payment_roll_lines f
            JOIN payment_rolls r ON r.id = f.roll_id
            WHERE f.status = 'Failed' AND f.live AND starts_with(f.region_code, @prefix) AND r.programme = @programme AND r.month < @month
              AND NOT EXISTS (SELECT 1 FROM payment_roll_lines x WHERE x.reissue_of = f.id AND x.live)
        ),
        lines AS (
            INSERT INTO payment_roll_lines (id, roll_id, region_code, kind, enrolment_id, household_id, person_member_id, application_id, period, amount,
                                            persons, price_index_id, reissue_of, deduction)
            SELECT gen_random_uuid(), @rollId, c.region_code, c.kind, c.enrolment_id, c.household_id, c.person_member_id, c.application_id, c.period,
                   c.amount, c.persons, c.price_index_id, c.reissue_of, c.deduction
            FROM candidates c
            -- Never twice: what is paid or pending anywhere (another version, another roll) is left out here, and the
            -- unique index ux_payment_roll_lines_once refuses it anyway.
            WHERE NOT EXISTS (SELECT 1 FROM payment_roll_lines x
                              WHERE x.enrolment_id = c.enrolment_id AND x.kind = c.kind AND x.period = c.period AND x.live AND x.status <> 'Failed')
            RETURNING id, enrolment_id, kind, amount, deduction, reissue_of
        ){(deduct ? """
        ,
        -- Each line's deduction shared among the enrolment's overpayments, oldest first (one row per line and overpayment).
        deductions AS (
            INSERT INTO overpayment_deductions (line_id, overpayment_id, roll_id, region_code, amount)
            SELECT s.line_id, s.overpayment_id, @rollId, s.region_code, s.take
            FROM (SELECT l.id AS line_id, o.id AS overpayment_id, o.region_code,
                         LEAST(o.outstanding, l.deduction - (sum(o.outstanding) OVER (PARTITION BY l.id ORDER BY o.raised_on, o.id) - o.outstanding)) AS take
                  FROM lines l
                  JOIN owed o ON o.enrolment_id = l.enrolment_id AND o.outstanding > 0
                  WHERE l.deduction > 0) s
            WHERE s.take > 0
        )
        """ : string.Empty)}
        INSERT INTO payment_roll_totals (roll_id, region_code, kind, line_count, amount, deduction)
        SELECT @rollId, @region, coalesce(t.kind, 'All'), count(*)::integer, coalesce(sum(t.amount), 0), coalesce(sum(t.deduction), 0)
        FROM (SELECT CASE WHEN reissue_of IS NULL THEN kind ELSE 'ReIssue' END AS kind, amount, deduction FROM lines) t
        GROUP BY ROLLUP (t.kind)
        """;

    public const string RollColumns = """
        r.id AS Id, r.region_code AS RegionCode, r.month AS Month, r.programme AS Programme, r.version AS Version, r.supersedes AS Supersedes,
        r.superseded_by AS SupersededBy, r.superseded_at AS SupersededAt, r.price_index_id AS PriceIndexId, r.generated_by AS GeneratedBy,
        r.generated_at AS GeneratedAt, r.reason AS Reason
        """;

    public const string LineColumns = """
        l.id AS Id, l.roll_id AS RollId, l.region_code AS RegionCode, l.kind AS Kind, l.enrolment_id AS EnrolmentId, l.household_id AS HouseholdId,
        l.person_member_id AS PersonMemberId, l.application_id AS ApplicationId, l.period AS Period, l.amount AS Amount, l.persons AS Persons,
        l.price_index_id AS PriceIndexId, l.reissue_of AS ReissueOf, l.deduction AS Deduction, l.status AS Status, l.status_reason AS StatusReason,
        l.bank_reference AS BankReference, l.status_at AS StatusAt, l.live AS Live
        """;
}
