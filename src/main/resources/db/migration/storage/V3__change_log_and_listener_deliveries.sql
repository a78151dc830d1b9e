-- The committed changes, written in the transaction of the request that made them: read by the other Jinto nodes on
-- this database (told by NOTIFY jinto_changes) and delivered to the event listeners from listener_deliveries.

CREATE TABLE change_log (
    id      BIGSERIAL PRIMARY KEY,
    -- The writing transaction. A reader takes rows in (xid, id) order once every older transaction has ended, so a
    -- row that commits after a newer id was read is never skipped (ids are drawn before commit, in no commit order).
    xid     XID8 NOT NULL DEFAULT pg_current_xact_id(),
    -- The node that made the change: it announced the change itself and skips it when reading.
    node    TEXT NOT NULL,
    created TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The AfterResourceChanged event as the webhook listener sends it (JSON keeps its text and key order).
    event   JSON NOT NULL
);

CREATE INDEX idx_change_log_xid_id ON change_log (xid, id);
CREATE INDEX idx_change_log_created ON change_log (created);

-- One row per change and listener (kinto.event_listeners.<name>) still to deliver; deleted once delivered.
CREATE TABLE listener_deliveries (
    listener  TEXT COLLATE "C" NOT NULL,
    change_id BIGINT NOT NULL,
    attempts  INT NOT NULL DEFAULT 0,
    -- Not delivered before this time (the backoff after a failed attempt).
    due       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (listener, change_id)
);

-- The pruning of change_log keeps the rows still to deliver.
CREATE INDEX idx_listener_deliveries_change ON listener_deliveries (change_id);
