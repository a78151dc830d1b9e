package org.jinto.database;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseUrlTest {

    @Test
    void kintoFormBecomesJdbcWithCredentials() {
        assertEquals(new DatabaseUrl("jdbc:postgresql://db.lan:5433/kinto?sslmode=require", "user", "p@ss:word", null),
                DatabaseUrl.parse("postgresql://user:p%40ss%3Aword@db.lan:5433/kinto?sslmode=require"));
        assertEquals(new DatabaseUrl("jdbc:postgresql://localhost/postgres", null, null, null),
                DatabaseUrl.parse("postgres://localhost"));
    }

    @Test
    void jdbcAndJndiPassThrough() {
        assertEquals("jdbc:postgresql://h/db?user=u", DatabaseUrl.parse(" jdbc:postgresql://h/db?user=u ").jdbcUrl());
        assertEquals("java:comp/env/jdbc/jinto", DatabaseUrl.parse("java:comp/env/jdbc/jinto").jndiName());
    }

    @Test
    void othersAreRefusedWithoutShowingThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse("mysql://user:secret@host/db"));
        assertFalse(e.getMessage().contains("secret"));
    }
}
