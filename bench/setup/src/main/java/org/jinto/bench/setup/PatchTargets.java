package org.jinto.bench.setup;

import jakarta.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PATCH scenario's records, one per connection (patch-01, patch-02, …), and their current ETags written as
 * "{@code <id> <etag>}" lines for the scenario's first {@code If-Match}; later ones come from each answer.
 */
public final class PatchTargets {

    private PatchTargets() {
    }

    public static void create(KintoClient client, String recordsPath, int connections, Path etagFile) {
        List<String> lines = new ArrayList<>();
        for (int connection = 1; connection <= connections; connection++) {
            String id = Layout.patchRecordId(connection);
            Reply reply = client.expect("PUT", recordsPath + "/" + id,
                    Json.createObjectBuilder().add("data", Json.createObjectBuilder().add("counter", 0)).build(), 201);
            lines.add(id + " " + reply.header("ETag"));
        }
        try {
            Files.write(etagFile, lines);
        } catch (IOException e) {
            throw new SetupException("cannot write " + etagFile + ": " + e.getMessage(), e);
        }
    }
}
