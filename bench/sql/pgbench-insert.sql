-- pgbench script: one single-row INSERT of a record-sized JSON document per transaction (committed alone, as
-- a record POST is). Table: pgbench-insert-table.sql. A space follows each JSON colon: pgbench would read
-- ":false" as a variable.
INSERT INTO bench_insert (data) VALUES ('{"title": "posted", "n": 1, "group": 1, "done": false}');
