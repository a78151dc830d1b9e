-- Plans whose cost no longer depends on statistics (bench layout: a collection of 1,000,000 beside small ones).
--
-- 1. An object looked up by its key (parent_id, resource_name, id) was planned on the list index with a filter on id
--    whenever statistics put its collection at about one row (a new collection, or one outside the most common
--    values): both indexes then cost the same, and that one scans the whole collection (200,000 rows for one GET).
--    The list index is now partial on a condition only the statements that want it state (last_modified IS NOT
--    NULL, always true: the column is NOT NULL), so a key lookup can only use the primary key.
-- 2. Equality and containment filters used the table-wide GIN index, intersected with the collection's rows: a value
--    common in another collection made a list of 1,000 read 100,000 index entries (20 to 40 ms instead of 1). Filters
--    are now evaluated on the collection's rows (as Kinto does), so the GIN index is dropped: no statement uses it,
--    and every write paid for it.

CREATE INDEX idx_objects_listed_by_last_modified
    ON objects (parent_id, resource_name, last_modified DESC) INCLUDE (deleted) WHERE last_modified IS NOT NULL;
DROP INDEX idx_objects_parent_resource_last_modified;
DROP INDEX idx_objects_data;
