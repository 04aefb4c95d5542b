-- Policy as data (R-02): dated, region-scoped parameter values with their sources. Corrections supersede
-- (superseded_at), never overwrite, so "what did we believe at instant X about date Y" stays answerable.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE policy_sources (
    id              text PRIMARY KEY,
    title           text NOT NULL,
    document_number text NULL,
    jurisdiction    text NOT NULL,
    document_date   date NULL,
    in_force_from   date NULL,
    file_name       text NULL
);

CREATE TABLE parameter_values (
    id             uuid        PRIMARY KEY,
    key            text        NOT NULL,
    region_code    varchar(12) NOT NULL REFERENCES regions (code),
    effective_from date        NOT NULL,
    effective_to   date        NULL,
    value          jsonb       NOT NULL,
    source         text        NOT NULL,
    is_demo        boolean     NOT NULL DEFAULT false,
    recorded_at    timestamptz NOT NULL,
    recorded_by    text        NOT NULL,
    superseded_at  timestamptz NULL,
    supersedes     uuid        NULL REFERENCES parameter_values (id),
    CHECK (effective_to IS NULL OR effective_to > effective_from),
    -- No two current values of one key for one region may be in force on the same day: the database, not
    -- only the code, refuses the overlap.
    CONSTRAINT ex_parameter_values_no_overlap EXCLUDE USING gist (
        key WITH =,
        region_code WITH =,
        daterange(effective_from, effective_to, '[)') WITH &&
    ) WHERE (superseded_at IS NULL)
);
CREATE INDEX ix_parameter_values_region_key ON parameter_values (region_code, key, effective_from);

-- Bumped by every change so each replica can tell in one cheap read whether its cached values are stale.
CREATE TABLE policy_revision (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    revision bigint  NOT NULL
);
INSERT INTO policy_revision (id, revision) VALUES (true, 0);

-- Which pack files were loaded (once each; later changes go through the API with their own sources).
CREATE TABLE policy_pack_loads (
    file_name text        PRIMARY KEY,
    sha256    text        NOT NULL,
    loaded_at timestamptz NOT NULL
);
