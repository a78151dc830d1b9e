package org.jinto.plugins.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileRulesTest {

    @Test
    void defaultGroupAllowsDocumentsImagesTextAndDataOnly() {
        FileRules rules = FileRules.of("default", "");
        assertTrue(rules.allows("report.PDF"));
        assertTrue(rules.allows("image.jpg"));
        assertTrue(rules.allows("data.json"));
        assertFalse(rules.allows("virus.exe"));
        assertFalse(rules.allows("untitled"));
        assertFalse(rules.allows(".txt"));
    }

    @Test
    void groupsAndExtensionsCombineWithPlusAndAnyAllowsAll() {
        FileRules rules = FileRules.of("images+video", "");
        assertTrue(rules.allows("a.png"));
        assertTrue(rules.allows("a.mp4"));
        assertFalse(rules.allows("a.txt"));
        assertTrue(FileRules.of("ftl db", "").allows("x.ftl"));
        assertTrue(FileRules.of("any", "").allows("untitled"));
    }

    @Test
    void mimetypeComesFromTheSettingsThenThePartThenTheName() {
        FileRules rules = FileRules.of("any", ".txt:text/vnd.graphviz");
        assertEquals("text/vnd.graphviz", rules.mimetype("kinto.txt", "text/plain"));
        assertEquals("application/x-pem-file", rules.mimetype("cert.pem", "text/plain"));
        assertEquals("image/jpeg", rules.mimetype("a.bin", "image/jpeg"));
        assertEquals("image/png", rules.mimetype("a.png", null));
        assertEquals("application/octet-stream", rules.mimetype("untitled", null));
        assertThrows(IllegalStateException.class, () -> FileRules.of("any", "txt"));
    }
}
