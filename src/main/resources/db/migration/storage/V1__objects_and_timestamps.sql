-- Kinto's storage schema: one flat table of JSON objects keyed by (parent, resource name, id), plus the current
-- timestamp of each (parent, resource name). Timestamps are epoch milliseconds (BIGINT) as the API shows them.
-- Key columns use the "C" collation: code-point order, and prefix searches (parent_id LIKE '/buckets/b1%') served
-- by the primary key.

CREATE TABLE objects (
    id            TEXT COLLATE "C" NOT NULL,
    parent_id     TEXT COLLATE "C" NOT NULL,
    resource_name TEXT COLLATE "C" NOT NULL,
    last_modified BIGINT NOT NULL,
    -- The object without its id and last_modified (kept in columns); {"deleted": true} for a tombstone.
    data          JSONB NOT NULL DEFAULT '{}'::JSONB,
    deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (parent_id, resource_name, id)
);

-- Lists are sorted by -last_modified unless asked otherwise, and _since/_before filter on it. Including "deleted"
-- lets counts of live objects run as index-only scans.
CREATE INDEX idx_objects_parent_resource_last_modified
    ON objects (parent_id, resource_name, last_modified DESC) INCLUDE (deleted);

-- Equality and containment filters on object fields are written as data @> '{...}' so that this index serves them.
CREATE INDEX idx_objects_data ON objects USING GIN (data jsonb_path_ops);

CREATE TABLE timestamps (
    parent_id     TEXT COLLATE "C" NOT NULL,
    resource_name TEXT COLLATE "C" NOT NULL,
    -- NULL until the first write to this (parent, resource name) sets it.
    last_modified BIGINT,
    PRIMARY KEY (parent_id, resource_name)
);

-- The value at a dotted field path, as org.jinto.storage.FieldPath finds it: a key containing dots is tried
-- before nested objects ({"a.b": 1} and {"a": {"b": 1}} both answer 1 for "a.b"). Returns NULL when missing.
CREATE FUNCTION jinto_field(doc JSONB, path TEXT) RETURNS JSONB
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    dot   INT;
    step  INT;
    child JSONB;
    found JSONB;
BEGIN
    IF jsonb_typeof(doc) <> 'object' THEN
        RETURN NULL;
    END IF;
    child := doc -> path;
    IF child IS NOT NULL THEN
        RETURN child;
    END IF;
    dot := strpos(path, '.');
    WHILE dot > 1 LOOP
        child := doc -> left(path, dot - 1);
        IF jsonb_typeof(child) = 'object' THEN
            found := jinto_field(child, substr(path, dot + 1));
            IF found IS NOT NULL THEN
                RETURN found;
            END IF;
        END IF;
        step := strpos(substr(path, dot + 1), '.');
        EXIT WHEN step = 0;
        dot := dot + step;
    END LOOP;
    RETURN NULL;
END;
$$;
