-- Defence in depth for region scope (issue 7). The application filters every region-owned read and write by the
-- caller's RegionScope; PostgreSQL enforces the same subtree again, so a forgotten filter cannot leak personal data.
--
-- * The API connects as ${app_role}: it logs in, owns nothing, is not a superuser and cannot bypass RLS. Migrations
--   and system work (seeders, the idempotency purge) run as the owner, the role that runs this file.
-- * Each transaction of the API sets assistance.region_prefix with set_config(…, true): the caller's region code
--   prefix ('32' province, '3206' city, '320682' county …) or '*' for national. Unset or empty sees nothing.
-- * FORCE ROW LEVEL SECURITY: the owner is held to the same policies (system work sets '*' explicitly).
-- * R-21/R-22 must look across regions (one person, one household and one enrolment nationally). Three SECURITY
--   DEFINER functions answer exactly those questions, and only inside a transaction that has a region set.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
        CREATE ROLE "${app_role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${app_role}');
END
$$;

GRANT USAGE ON SCHEMA public TO "${app_role}";
-- Reference data the API reads only (seeders write it as the owner).
GRANT SELECT ON regions, policy_sources, policy_pack_loads TO "${app_role}";
-- Data the API changes.
GRANT SELECT, INSERT, UPDATE, DELETE ON
    households, household_members, member_incomes,
    applications, application_deadlines, enrolments, enrolment_persons, care_agreements, care_visits, close_relatives,
    calendar_years, calendar_days, parameter_values, policy_revision, idempotency_keys
    TO "${app_role}";
-- R-60: the audit trail is appended and read, never changed (the triggers of 0001 say so too).
GRANT SELECT, INSERT ON audit_events TO "${app_role}";
-- Tables of later migrations get the same table rights; each personal-data table still needs its own policy below.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${app_role}";

-- The region test of every policy: fails closed when the transaction has no region.
CREATE FUNCTION region_visible(code text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE coalesce(current_setting('assistance.region_prefix', true), '')
        WHEN '' THEN false
        WHEN '*' THEN true
        ELSE starts_with(code, current_setting('assistance.region_prefix', true))
    END
$$;

CREATE FUNCTION region_scope_set() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(current_setting('assistance.region_prefix', true), '') <> ''
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['households', 'household_members', 'member_incomes', 'applications', 'application_deadlines',
                             'enrolments', 'enrolment_persons', 'care_agreements', 'care_visits', 'close_relatives']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (region_visible(region_code)) WITH CHECK (region_visible(region_code))',
                       t || '_region', t);
    END LOOP;
END
$$;

-- Audit rows are read within the region like the data they describe; any caller with a region may append one (a
-- county admin's change to a national calendar is still recorded), nobody without a region can.
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_events_read ON audit_events FOR SELECT USING (region_visible(region_code));
CREATE POLICY audit_events_append ON audit_events FOR INSERT WITH CHECK (region_scope_set());

-- R-22: households other than except_household holding any of these ID numbers, in every region (ids and codes only).
CREATE FUNCTION id_number_holders(id_numbers text[], except_household uuid)
    RETURNS TABLE (id_number text, household_id uuid, region_code text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    caller text := coalesce(current_setting('assistance.region_prefix', true), '');
BEGIN
    IF caller = '' THEN
        RETURN;
    END IF;
    PERFORM set_config('assistance.region_prefix', '*', true);
    RETURN QUERY
        SELECT m.id_number::text, m.household_id, h.region_code::text
        FROM household_members m
        JOIN households h ON h.id = m.household_id
        WHERE m.id_number = ANY(id_numbers) AND (except_household IS NULL OR m.household_id <> except_household);
    PERFORM set_config('assistance.region_prefix', caller, true);
END
$$;

-- R-22: active enrolments covering any of these ID numbers, in every region.
CREATE FUNCTION active_enrolments_of(id_numbers text[])
    RETURNS TABLE (enrolment_id uuid, programme text, household_id uuid, id_number text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    caller text := coalesce(current_setting('assistance.region_prefix', true), '');
BEGIN
    IF caller = '' THEN
        RETURN;
    END IF;
    PERFORM set_config('assistance.region_prefix', '*', true);
    RETURN QUERY
        SELECT p.enrolment_id, p.programme, p.household_id, p.id_number::text
        FROM enrolment_persons p
        WHERE p.active AND p.id_number = ANY(id_numbers);
    PERFORM set_config('assistance.region_prefix', caller, true);
END
$$;

-- R-21: close relatives registered in a county's subtree or at one of its ancestors (city, province, national).
CREATE FUNCTION close_relative_matches(id_numbers text[], county_prefix text, ancestors text[])
    RETURNS TABLE (id uuid, staff_name text, staff_role text, relationship text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    caller text := coalesce(current_setting('assistance.region_prefix', true), '');
BEGIN
    IF caller = '' THEN
        RETURN;
    END IF;
    PERFORM set_config('assistance.region_prefix', '*', true);
    RETURN QUERY
        SELECT c.id, c.staff_name, c.staff_role, c.relationship
        FROM close_relatives c
        WHERE c.relative_id_number = ANY(id_numbers)
          AND (starts_with(c.region_code, county_prefix) OR c.region_code = ANY(ancestors));
    PERFORM set_config('assistance.region_prefix', caller, true);
END
$$;

REVOKE ALL ON FUNCTION id_number_holders(text[], uuid), active_enrolments_of(text[]), close_relative_matches(text[], text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION id_number_holders(text[], uuid), active_enrolments_of(text[]), close_relative_matches(text[], text, text[])
    TO "${app_role}";
