package org.jinto.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a database is, as {@code kinto.storage_url} / {@code kinto.permission_url} say it: Kinto's form
 * {@code postgresql://user:pass@host:port/db} (or {@code postgres://}), a JDBC URL {@code jdbc:postgresql://...},
 * or the JNDI name of a container's DataSource ({@code java:comp/env/jdbc/jinto}).
 *
 * @param jdbcUrl  the JDBC URL, or null for a JNDI name
 * @param user     user name, or null when the URL carries none
 * @param password password, or null
 * @param jndiName the DataSource's JNDI name, or null
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, String jndiName) {

    public static DatabaseUrl parse(String url) {
        String value = url.strip();
        if (value.startsWith("java:")) {
            return new DatabaseUrl(null, null, null, value);
        }
        if (value.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(value, null, null, null);
        }
        if (!value.startsWith("postgresql://") && !value.startsWith("postgres://")) {
            throw new IllegalArgumentException("Database URL must be postgresql://user:pass@host:port/db, "
                    + "jdbc:postgresql://... or a JNDI name java:..., got '" + redact(value) + "'");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Malformed database URL '" + redact(value) + "': " + e.getReason());
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "postgres" : uri.getRawPath().substring(1);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new DatabaseUrl("jdbc:postgresql://" + host + port + "/" + database + query, user, password, null);
    }

    /** The URL without its password, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
