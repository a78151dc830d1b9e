-- The large collection in one statement: PostgreSQL generates the rows itself, no client round trips.
-- Table and columns as Kinto's PostgreSQL storage lays them out (objects: id, parent_id, resource_name,
-- last_modified, data without id/last_modified, deleted), as Jinto's keeps it too. {last_modified} is the record's
-- epoch milliseconds (epoch_ms) in the column's type.
-- The data object is RecordShape.record(n) without its id: keep both in step.
INSERT INTO objects (id, parent_id, resource_name, last_modified, data, deleted)
SELECT 'r' || lpad(n::text, 7, '0'),
       ?,
       'record',
       {last_modified},
       jsonb_build_object('n', n, 'group', n % 10, 'title', 'record ' || n, 'done', n % 2 = 0),
       FALSE
  FROM (SELECT n, ? + n AS epoch_ms FROM generate_series(1, ?) AS n) AS numbered
