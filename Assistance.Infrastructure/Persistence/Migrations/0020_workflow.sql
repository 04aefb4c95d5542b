-- Applications, statutory workflow and enrolment (审核确认): R-20 … R-23, R-50.

-- R-50: the working-day calendar, one row per year with its source notice, one row per special day.
CREATE TABLE calendar_years (
    year       integer     PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    source     text        NOT NULL,
    version    bigint      NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL
);

CREATE TABLE calendar_days (
    day  date    PRIMARY KEY,
    year integer NOT NULL REFERENCES calendar_years (year) ON DELETE CASCADE,
    kind text    NOT NULL CHECK (kind IN ('Holiday', 'MakeUpWorkingDay')),
    name text    NULL,
    CHECK (extract(year FROM day) = year)
);
CREATE INDEX ix_calendar_days_year ON calendar_days (year);

-- R-21: 近亲属备案, close relatives of caseworkers and village cadres, per region.
CREATE TABLE close_relatives (
    id                 uuid        PRIMARY KEY,
    region_code        varchar(12) NOT NULL REFERENCES regions (code),
    staff_name         text        NOT NULL,
    staff_role         text        NOT NULL CHECK (staff_role IN ('Caseworker', 'VillageCadre')),
    relative_name      text        NOT NULL,
    relative_id_number varchar(18) NOT NULL,
    relationship       text        NOT NULL,
    registered_on      date        NOT NULL,
    created_at         timestamptz NOT NULL
);
CREATE INDEX ix_close_relatives_id_number ON close_relatives (relative_id_number);
CREATE INDEX ix_close_relatives_region ON close_relatives (region_code);

-- R-20: applications. The aggregate's record (results, surveys, objections, visits, history) is one jsonb document;
-- the columns the lists and reports filter on are kept beside it.
CREATE TABLE applications (
    id                    uuid        PRIMARY KEY,
    region_code           varchar(12) NOT NULL REFERENCES regions (code),
    household_id          uuid        NOT NULL REFERENCES households (id),
    applicant_member_id   uuid        NOT NULL,
    programme             text        NOT NULL CHECK (programme IN ('Dibao', 'Tekun', 'DibaoMarginal', 'ExpenditureHardship')),
    channel               text        NOT NULL,
    status                text        NOT NULL,
    conflict_of_interest  boolean     NOT NULL DEFAULT false,
    random_check_selected boolean     NOT NULL DEFAULT false,
    submitted_on          date        NOT NULL,
    state                 jsonb       NOT NULL,
    assessment            jsonb       NULL,
    version               bigint      NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);
CREATE INDEX ix_applications_region ON applications (region_code, id);
CREATE INDEX ix_applications_household ON applications (household_id);
-- One open application per household and programme.
CREATE UNIQUE INDEX ux_applications_open_per_household ON applications (household_id, programme)
    WHERE status NOT IN ('Rejected', 'RefusalNotified', 'Enrolled', 'Approved');

-- R-50: each statutory step's due date, rewritten with the application; overdue = open and past due.
CREATE TABLE application_deadlines (
    application_id uuid        NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    region_code    varchar(12) NOT NULL,
    step           text        NOT NULL,
    started_on     date        NOT NULL,
    limit_days     integer     NOT NULL,
    due_on         date        NOT NULL,
    completed_on   date        NULL,
    source         text        NOT NULL,
    PRIMARY KEY (application_id, step)
);
CREATE INDEX ix_application_deadlines_open ON application_deadlines (region_code, due_on) WHERE completed_on IS NULL;

-- R-22: enrolments (救助对象).
CREATE TABLE enrolments (
    id                     uuid          PRIMARY KEY,
    region_code            varchar(12)   NOT NULL REFERENCES regions (code),
    application_id         uuid          NOT NULL REFERENCES applications (id),
    programme              text          NOT NULL,
    household_id           uuid          NOT NULL REFERENCES households (id),
    person_member_id       uuid          NULL,
    monthly_amount         numeric(12,2) NOT NULL CHECK (monthly_amount >= 0),
    dibao_class            text          NULL,
    review_interval_months integer       NULL,
    next_review_on         date          NULL,
    start_month            date          NOT NULL CHECK (extract(day FROM start_month) = 1),
    status                 text          NOT NULL CHECK (status IN ('Active', 'Suspended', 'GradualExit', 'Ended')),
    care_setting           text          NULL CHECK (care_setting IN ('Centralized', 'Decentralized')),
    approved_on            date          NOT NULL,
    ended_on               date          NULL,
    basis                  jsonb         NULL,
    version                bigint        NOT NULL,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL,
    CHECK (programme <> 'Tekun' OR (care_setting IS NOT NULL AND person_member_id IS NOT NULL))
);
CREATE INDEX ix_enrolments_region ON enrolments (region_code, id);
CREATE INDEX ix_enrolments_household ON enrolments (household_id);
-- One enrolment per approved application and person (a retried or concurrent approval cannot enrol twice).
CREATE UNIQUE INDEX ux_enrolments_application ON enrolments (application_id, coalesce(person_member_id, '00000000-0000-0000-0000-000000000000'::uuid));

CREATE TABLE enrolment_persons (
    enrolment_id uuid        NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
    region_code  varchar(12) NOT NULL,
    member_id    uuid        NOT NULL,
    id_number    varchar(18) NOT NULL,
    programme    text        NOT NULL,
    household_id uuid        NOT NULL,
    active       boolean     NOT NULL,
    PRIMARY KEY (enrolment_id, member_id)
);
-- R-22 backstop: one active enrolment per person and programme.
CREATE UNIQUE INDEX ux_enrolment_persons_active ON enrolment_persons (id_number, programme) WHERE active;
CREATE INDEX ix_enrolment_persons_id_number ON enrolment_persons (id_number) WHERE active;

-- R-23: care agreements (关爱照料协议) of decentralized tekun persons, and their visits.
CREATE TABLE care_agreements (
    id                   uuid        PRIMARY KEY,
    region_code          varchar(12) NOT NULL REFERENCES regions (code),
    enrolment_id         uuid        NOT NULL REFERENCES enrolments (id),
    carer_name           text        NOT NULL,
    carer_phone          text        NULL,
    duties               text        NOT NULL,
    visit_frequency_days integer     NOT NULL CHECK (visit_frequency_days BETWEEN 1 AND 366),
    starts_on            date        NOT NULL,
    last_visit_on        date        NULL,
    version              bigint      NOT NULL,
    created_at           timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_care_agreements_enrolment ON care_agreements (enrolment_id);
CREATE INDEX ix_care_agreements_region ON care_agreements (region_code);

CREATE TABLE care_visits (
    id           uuid        PRIMARY KEY,
    agreement_id uuid        NOT NULL REFERENCES care_agreements (id),
    region_code  varchar(12) NOT NULL,
    visited_on   date        NOT NULL,
    visitor      text        NOT NULL,
    notes        text        NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX ix_care_visits_agreement ON care_visits (agreement_id, visited_on);
