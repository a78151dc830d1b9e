-- The table pgbench-insert.sql writes to, in the pgbench scratch database.
CREATE TABLE bench_insert (
    id BIGSERIAL PRIMARY KEY,
    data JSONB NOT NULL,
    last_modified TIMESTAMP NOT NULL DEFAULT now()
);
