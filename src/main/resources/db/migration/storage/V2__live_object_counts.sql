-- The number of live objects (tombstones excluded) of each (parent, resource name), kept in its timestamps row so
-- that an unfiltered count (Total-Records of a list) reads one row instead of counting the collection's objects.
-- Triggers keep it whatever the statement (writes, deletions, purges, SQL run by hand): every write of a
-- collection already locks that row for its timestamp, so the count adds no contention, and the triggers run once
-- per statement, adding each collection's change once however many objects the statement touched.

ALTER TABLE timestamps ADD COLUMN live_objects BIGINT NOT NULL DEFAULT 0;

-- Backfill: each (parent, resource name) holding objects gets its count, and a row dated by its newest object if
-- it had none.
INSERT INTO timestamps (parent_id, resource_name, last_modified, live_objects)
SELECT parent_id, resource_name, max(last_modified), count(*) FILTER (WHERE NOT deleted)
  FROM objects GROUP BY parent_id, resource_name
ON CONFLICT (parent_id, resource_name) DO UPDATE SET live_objects = EXCLUDED.live_objects;

CREATE FUNCTION jinto_add_live_objects(parent TEXT, resource TEXT, change BIGINT) RETURNS VOID
    LANGUAGE sql AS $$
    INSERT INTO timestamps AS t (parent_id, resource_name, live_objects) VALUES (parent, resource, change)
    ON CONFLICT (parent_id, resource_name) DO UPDATE SET live_objects = t.live_objects + EXCLUDED.live_objects;
$$;

-- The statement's rows come as transition tables; one table per event, hence the branches.
CREATE FUNCTION jinto_count_live_objects() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM jinto_add_live_objects(parent_id, resource_name, count(*))
           FROM new_objects WHERE NOT deleted GROUP BY parent_id, resource_name ORDER BY parent_id, resource_name;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM jinto_add_live_objects(parent_id, resource_name, -count(*))
           FROM old_objects WHERE NOT deleted GROUP BY parent_id, resource_name ORDER BY parent_id, resource_name;
    ELSE
        PERFORM jinto_add_live_objects(parent_id, resource_name, sum(change))
           FROM (SELECT parent_id, resource_name, 1 AS change FROM new_objects WHERE NOT deleted
                 UNION ALL
                 SELECT parent_id, resource_name, -1 FROM old_objects WHERE NOT deleted) AS changes
          GROUP BY parent_id, resource_name HAVING sum(change) <> 0 ORDER BY parent_id, resource_name;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER objects_inserted_count AFTER INSERT ON objects REFERENCING NEW TABLE AS new_objects
    FOR EACH STATEMENT EXECUTE FUNCTION jinto_count_live_objects();
CREATE TRIGGER objects_updated_count AFTER UPDATE ON objects
    REFERENCING OLD TABLE AS old_objects NEW TABLE AS new_objects
    FOR EACH STATEMENT EXECUTE FUNCTION jinto_count_live_objects();
CREATE TRIGGER objects_deleted_count AFTER DELETE ON objects REFERENCING OLD TABLE AS old_objects
    FOR EACH STATEMENT EXECUTE FUNCTION jinto_count_live_objects();
