-- Every replica caches resolved parameters and drops them when told: any change to the tables the cache is built
-- from notifies channel assistance_policy at commit (PolicyChangeListener). Statement-level, so a bulk load sends one
-- notification; PostgreSQL folds identical notifications of one transaction into one.
CREATE FUNCTION notify_policy_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('assistance_policy', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER parameter_values_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON parameter_values
    FOR EACH STATEMENT EXECUTE FUNCTION notify_policy_change();
CREATE TRIGGER policy_revision_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policy_revision
    FOR EACH STATEMENT EXECUTE FUNCTION notify_policy_change();
CREATE TRIGGER regions_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
    FOR EACH STATEMENT EXECUTE FUNCTION notify_policy_change();
CREATE TRIGGER calendar_years_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_years
    FOR EACH STATEMENT EXECUTE FUNCTION notify_policy_change();
CREATE TRIGGER calendar_days_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days
    FOR EACH STATEMENT EXECUTE FUNCTION notify_policy_change();
