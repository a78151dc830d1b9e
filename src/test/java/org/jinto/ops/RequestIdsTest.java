package org.jinto.ops;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RequestIdsTest {

    @Test
    void plausibleIdsAreKept() {
        assertEquals("abc-123", RequestIds.honourOrGenerate("abc-123"));
        String uuid = UUID.randomUUID().toString();
        assertEquals(uuid, RequestIds.honourOrGenerate(uuid));
        assertEquals("Root=1-5759e988-bd862e3fe1be46a994272793", RequestIds.honourOrGenerate("Root=1-5759e988-bd862e3fe1be46a994272793"));
    }

    @Test
    void absentEmptyTooLongOrHostileIdsAreReplaced() {
        for (String bad : new String[]{null, "", "a b", "x\"y", "line\nbreak", "x".repeat(129)}) {
            String id = RequestIds.honourOrGenerate(bad);
            assertNotEquals(bad, id);
            UUID.fromString(id);
        }
    }
}
