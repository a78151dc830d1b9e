package org.jinto.storage.postgresql;

import org.jinto.database.Database;
import org.jinto.database.Sql;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deletes old tombstones of the PostgreSQL storage as Kinto's {@code purge-deleted} command does (keep the newest
 * {@code max_retained} of each parent and resource), but in bounded batches: each batch deletes at most
 * {@code batchSize} tombstones of one parent in a transaction of its own, so that the rows of a big collection are
 * never locked for long and the server keeps serving it meanwhile.
 */
public final class TombstonePurge {

    private final Database database;
    /** How many parents are looked up at a time. */
    private final int parentsPage;

    public TombstonePurge(Database database) {
        this(database, 1000);
    }

    TombstonePurge(Database database, int parentsPage) {
        this.database = database;
        this.parentsPage = parentsPage;
    }

    /**
     * The resource names the storage has met: every write (and every read of a timestamp) keeps one row per parent
     * and resource in {@code timestamps}, a small table next to {@code objects}.
     */
    public Set<String> resourceNames() {
        List<String> names = database.run(connection -> new Sql("SELECT DISTINCT resource_name FROM timestamps")
                .list(connection, row -> row.getString(1)));
        return new TreeSet<>(names);
    }

    /**
     * Keeps the newest {@code maxRetained} tombstones of every parent of {@code resourceName} and deletes the
     * others, committing every {@code batchSize}.
     *
     * @return how many tombstones were deleted
     */
    public long keepNewest(String resourceName, int maxRetained, int batchSize) {
        long deleted = 0;
        String after = null;
        List<String> parents;
        do {
            parents = parentsWithTombstones(resourceName, after);
            for (String parentId : parents) {
                deleted += keepNewest(resourceName, parentId, maxRetained, batchSize);
            }
            after = parents.isEmpty() ? after : parents.get(parents.size() - 1);
        } while (parents.size() == parentsPage);
        return deleted;
    }

    private long keepNewest(String resourceName, String parentId, int maxRetained, int batchSize) {
        long deleted = 0;
        int batch;
        do {
            // Tombstones keep their rows only while deleted: one revived meanwhile is left alone.
            Sql purge = new Sql("DELETE FROM objects WHERE parent_id = ").param(parentId)
                    .add(" AND resource_name = ").param(resourceName).add(" AND deleted AND id IN (SELECT id FROM objects")
                    .add(" WHERE parent_id = ").param(parentId).add(" AND resource_name = ").param(resourceName)
                    .add(PostgresqlStorage.LISTED + " AND deleted ORDER BY last_modified DESC, id OFFSET ").param((long) maxRetained)
                    .add(" LIMIT ").param((long) batchSize).add(")");
            batch = database.run(purge::update);
            deleted += batch;
        } while (batch == batchSize);
        return deleted;
    }

    /** The next page of parents (in key order, after {@code after} unless null) holding tombstones of the resource. */
    private List<String> parentsWithTombstones(String resourceName, String after) {
        Sql select = new Sql("SELECT DISTINCT parent_id FROM objects WHERE resource_name = ").param(resourceName)
                .add(" AND deleted");
        if (after != null) {
            select.add(" AND parent_id > ").param(after);
        }
        select.add(" ORDER BY parent_id LIMIT ").param((long) parentsPage);
        return database.run(connection -> select.list(connection, row -> row.getString(1)));
    }
}
