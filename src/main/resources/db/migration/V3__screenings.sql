-- Bulk screening jobs (see README "Bulk screening").

-- A decision made for a row of a job names the job and the row; both are in the hashed entry (left out when
-- null, so earlier entries keep their hashes). Such entries keep only their response's hash.
ALTER TABLE decision_log ADD COLUMN screening_id uuid;
ALTER TABLE decision_log ADD COLUMN screening_row bigint;
ALTER TABLE decision_log ADD CONSTRAINT decision_log_screening
    CHECK ((screening_id IS NULL) = (screening_row IS NULL));

CREATE TABLE screening_job (
    id               uuid        PRIMARY KEY,
    tenant           text        NOT NULL,
    idempotency_key  text,
    -- SHA-256 of the upload as received; with the key, what makes a retry the same job
    upload_sha256    text        NOT NULL,
    format           text        NOT NULL CHECK (format IN ('CSV', 'JSON_LINES')),
    charset          text        NOT NULL,
    as_of            date,
    language         text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('RECEIVING', 'QUEUED', 'RUNNING', 'DONE', 'CANCELLED', 'FAILED')),
    rows_total       bigint      NOT NULL DEFAULT 0,
    -- rows committed (decided or refused), so the row a resumed job starts from is rows_read + 1
    rows_read        bigint      NOT NULL DEFAULT 0,
    rows_done        bigint      NOT NULL DEFAULT 0,
    rows_failed      bigint      NOT NULL DEFAULT 0,
    -- rows by verdict, channel status, area, flag and refused field, as the summary gives them
    counts           jsonb       NOT NULL DEFAULT '{}',
    cancel_requested boolean     NOT NULL DEFAULT false,
    failure          text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    -- when the current (or last) run of the job began, and the rows done by then: its rate and time left
    run_started_at   timestamptz,
    run_start_rows   bigint      NOT NULL DEFAULT 0,
    finished_at      timestamptz
);
CREATE UNIQUE INDEX screening_job_idempotency ON screening_job (tenant, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX screening_job_open ON screening_job (created_at) WHERE status IN ('QUEUED', 'RUNNING');

-- The upload, in order, in pieces of at most 1 MiB: every replica can read it, and it survives a crash.
CREATE TABLE screening_upload (
    job_id  uuid    NOT NULL REFERENCES screening_job (id),
    piece   integer NOT NULL,
    data    bytea   NOT NULL,
    PRIMARY KEY (job_id, piece)
);
-- CSV compresses well, but compressing it on the way in costs more time than the disk it saves.
ALTER TABLE screening_upload ALTER COLUMN data SET STORAGE EXTERNAL;

-- One result per row, committed with the row's decision and log entry: the JSON line the results give
-- (whose canonical form the entry's response_sha256 covers), and the statuses the summary counts.
CREATE TABLE screening_row (
    job_id       uuid    NOT NULL REFERENCES screening_job (id),
    row_no       bigint  NOT NULL,
    decision_id  uuid,
    verdict      text,
    result       text    NOT NULL,
    PRIMARY KEY (job_id, row_no)
);

CREATE TRIGGER screening_row_append_only BEFORE UPDATE OR DELETE ON screening_row
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
