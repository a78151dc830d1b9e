package org.jinto.bench.setup;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The benchmark record: a few typed fields the filter and sort scenario can use. seed-records.sql builds the same
 * object in SQL; keep both in step.
 */
public final class RecordShape {

    private RecordShape() {
    }

    public static JsonObject record(int n) {
        return Json.createObjectBuilder()
                .add("id", Layout.recordId(n))
                .add("n", n)
                .add("group", n % 10)
                .add("title", "record " + n)
                .add("done", n % 2 == 0)
                .build();
    }
}
