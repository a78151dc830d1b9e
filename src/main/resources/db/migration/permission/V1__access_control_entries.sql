-- Kinto's permission schema: who holds which permission on which object, and the extra principals of each user
-- (group memberships). "C" collation: code-point order, and object_id LIKE '/buckets/b1/%' served by the key.

CREATE TABLE access_control_entries (
    object_id  TEXT COLLATE "C" NOT NULL,
    permission TEXT COLLATE "C" NOT NULL,
    principal  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (object_id, permission, principal)
);

-- Objects that given principals can reach (filtered lists, /permissions).
CREATE INDEX idx_access_control_entries_principal
    ON access_control_entries (principal, permission, object_id);

CREATE TABLE user_principals (
    user_id   TEXT COLLATE "C" NOT NULL,
    principal TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, principal)
);

-- Removing a principal (a deleted group) from every user.
CREATE INDEX idx_user_principals_principal ON user_principals (principal);
