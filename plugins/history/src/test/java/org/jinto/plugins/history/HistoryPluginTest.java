package org.jinto.plugins.history;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryPluginTest {

    @Test
    void capabilityExposesTrimmingAndExclusionsAsKinto() {
        JsonObject exposed = HistoryPlugin.exposedSettings(new HistorySettings(
                List.of("/buckets/a", "/buckets/a/collections/c", "/buckets/a/groups/g", "/buckets/a/collections/c/records/r"),
                Set.of(), 10, List.of("account:bot"), true));
        assertEquals(10, exposed.getInt("auto_trim_max_count"));
        assertEquals("[\"account:bot\"]", exposed.getJsonArray("auto_trim_user_ids").toString());
        assertEquals("[{\"bucket\":\"a\"},{\"bucket\":\"a\",\"collection\":\"c\"},{\"bucket\":\"a\",\"group\":\"g\"},"
                        + "{\"bucket\":\"a\",\"collection\":\"c\",\"record\":\"r\"}]",
                exposed.getJsonArray("excluded_resources").toString());
        assertTrue(HistoryPlugin.exposedSettings(new HistorySettings(List.of(), Set.of(), -1, List.of(), true))
                .isEmpty());
    }

    @Test
    void badExcludedUriIsRefused() {
        assertThrows(IllegalStateException.class, () -> HistoryPlugin.uriToObject("/buckets/a/collections"));
    }
}
