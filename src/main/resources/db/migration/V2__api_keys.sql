-- API keys: who calls, for which tenant, in which roles. The secret is never stored: only its SHA-256
-- (a key carries 256 random bits, so a fast hash is enough). key_id is the short public part used to look
-- a key up and to name it in logs and lists.
CREATE TABLE api_key (
    key_id       text        PRIMARY KEY CHECK (key_id ~ '^[a-z0-9]{12}$'),
    secret_hash  text        NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
    -- '_admin' is the tenant of admin keys only: outside the pattern, so no other key can share it
    tenant       text        NOT NULL CHECK (tenant ~ '^[a-z0-9][a-z0-9-]{0,62}$' OR (tenant = '_admin' AND 'ADMIN' = ANY(roles))),
    roles        text[]      NOT NULL CHECK (roles <@ ARRAY['FIRM', 'BANK', 'AUDITOR', 'ADMIN'] AND cardinality(roles) > 0),
    -- for AUDITOR: the tenants it may read ('*' for all); empty otherwise
    scope        text[]      NOT NULL DEFAULT '{}',
    name         text        NOT NULL,
    -- requests per minute this key may make (null: the service default)
    rate_limit   integer     CHECK (rate_limit > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text,
    revoked_at   timestamptz
);

-- Replays are recorded: who replayed which decision, when, under which rules, and whether it came out the same.
CREATE TABLE replay_record (
    id            bigserial   PRIMARY KEY,
    decision_id   uuid        NOT NULL,
    replayed_at   timestamptz NOT NULL DEFAULT now(),
    key_id        text        NOT NULL,
    -- the replaying key's tenant, and the tenant the decision was made for
    tenant        text        NOT NULL,
    decision_tenant text      NOT NULL,
    rule_set_hash text        NOT NULL,
    identical     boolean
);

CREATE TRIGGER replay_record_append_only BEFORE UPDATE OR DELETE ON replay_record
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER replay_record_no_truncate BEFORE TRUNCATE ON replay_record
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
