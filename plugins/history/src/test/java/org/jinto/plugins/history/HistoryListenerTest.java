package org.jinto.plugins.history;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryListenerTest {

    @Test
    void dateLooksLikePythonIsoformat() {
        assertTrue(HistoryListener.now().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00"),
                HistoryListener.now());
    }
}
