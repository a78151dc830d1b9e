-- The writes now keep timestamps.live_objects themselves, in the statement that bumps the timestamp of the row they
-- lock: the triggers of V2 updated that hot row a second time per write (and fired twice per upsert).

DROP TRIGGER objects_inserted_count ON objects;
DROP TRIGGER objects_updated_count ON objects;
DROP TRIGGER objects_deleted_count ON objects;
DROP FUNCTION jinto_count_live_objects();
DROP FUNCTION jinto_add_live_objects(TEXT, TEXT, BIGINT);
