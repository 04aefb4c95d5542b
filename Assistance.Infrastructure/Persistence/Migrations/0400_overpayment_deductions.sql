-- Overpayments deducted on payment rolls (R-33 多发待追回 recovered through R-40 发放名册), where the region's
-- payments.overpaymentHandling parameter says Deduct.
--
-- A deduction belongs to one roll line and one overpayment, and is written by the same INSERT … SELECT as the line.
-- It counts while its line counts (live and not Failed): superseding a roll (its Pending lines stop being live) or a
-- bank return marking the line Failed releases it, and the next generation deducts what is still outstanding. So
-- regeneration and retries never deduct twice: the outstanding amount is always the overpayment's amount minus the
-- deductions of standing lines, read in the generating statement's own snapshot under the roll key's lock.

-- Control totals: what the lines of each kind deduct (the net paid is amount − deduction).
ALTER TABLE payment_roll_totals ADD COLUMN deduction numeric(16,2) NOT NULL DEFAULT 0 CHECK (deduction >= 0);

CREATE TABLE overpayment_deductions (
    line_id        uuid          NOT NULL,
    overpayment_id uuid          NOT NULL REFERENCES overpayments (id),
    roll_id        uuid          NOT NULL,
    region_code    varchar(12)   NOT NULL,
    amount         numeric(12,2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (line_id, overpayment_id)
);
CREATE INDEX ix_overpayment_deductions_overpayment ON overpayment_deductions (overpayment_id);

ALTER TABLE overpayment_deductions ENABLE ROW LEVEL SECURITY;
ALTER TABLE overpayment_deductions FORCE ROW LEVEL SECURITY;
CREATE POLICY overpayment_deductions_region ON overpayment_deductions
    USING (region_visible(region_code)) WITH CHECK (region_visible(region_code));

-- Insert-only, like the lines they belong to.
CREATE FUNCTION overpayment_deductions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'overpayment deductions are immutable; a deduction is released by its line, never changed' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER tr_overpayment_deductions_guard BEFORE UPDATE OR DELETE ON overpayment_deductions
    FOR EACH ROW EXECUTE FUNCTION overpayment_deductions_guard();
REVOKE UPDATE, DELETE, TRUNCATE ON overpayment_deductions FROM "${app_role}";
GRANT SELECT, INSERT ON overpayment_deductions TO "${app_role}";
