-- A covered person who died stops being covered by the enrolment that continues for the rest of the household
-- (R-33; S0 二). The row stays for the history (payment rolls and reports of earlier months read it) with the day the
-- coverage stopped; it is no longer active and no longer part of the enrolment's covered list.
ALTER TABLE enrolment_persons ADD COLUMN removed_on date NULL;
