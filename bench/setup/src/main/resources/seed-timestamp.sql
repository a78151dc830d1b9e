-- The seeded collection's current timestamp, where the storage keeps one per (parent, resource name): never
-- older than its newest record, or the collection's ETag would predate the records. {epoch_ms} is the newest
-- record's timestamp, in the column's type.
INSERT INTO timestamps (parent_id, resource_name, last_modified)
VALUES (?, 'record', {epoch_ms})
ON CONFLICT (parent_id, resource_name) DO UPDATE
SET last_modified = GREATEST(timestamps.last_modified, EXCLUDED.last_modified)
