package org.jinto.database;

import org.jinto.api.http.KintoException;
import org.jinto.api.storage.BackendException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class SqlErrorsTest {

    @Test
    void unavailabilityIsABackendFailure() {
        for (String state : new String[]{"08006", "57P01", "53300", "40001", "40P01", "55P03", "25P03"}) {
            assertInstanceOf(BackendException.class, SqlErrors.translate(new SQLException("down", state)), state);
        }
        assertInstanceOf(BackendException.class, SqlErrors.translate(new SQLTransientConnectionException("pool timeout")));
        assertInstanceOf(BackendException.class, SqlErrors.translate(
                new IllegalStateException("begin failed", new SQLException("gone", "08003"))));
    }

    @Test
    void nulCharactersAreBadInputAndOtherErrorsAreBugs() {
        assertEquals(400, ((KintoException) SqlErrors.translate(new SQLException("nul", "22P05"))).status());
        assertInstanceOf(IllegalStateException.class, SqlErrors.translate(new SQLException("syntax", "42601")));
    }
}
