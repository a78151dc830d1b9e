package org.jinto.bench.setup;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Command line of the setup ({@code --name value} pairs), as bench/run.sh passes it.
 *
 * @param url         the API root, e.g. http://127.0.0.1:8886/v1
 * @param auth        {@code account} (create the account, then authenticate as it) or {@code basicauth}
 * @param jdbcUrl     Jinto's PostgreSQL database: the large collection is then seeded in SQL
 * @param out         directory receiving state.env and patch-etags.txt
 */
public record Options(String url, String user, String password, String auth, Layout layout,
                      Optional<String> jdbcUrl, int workers, Path out) {

    static final String USAGE = "usage: java -jar jinto-bench-setup.jar --url http://127.0.0.1:8886/v1 --out DIR"
            + " [--user bench] [--password P] [--auth account|basicauth] [--small 1000] [--large 1000000]"
            + " [--spread 100] [--connections 16] [--workers 16] [--jdbc jdbc:postgresql://…]";

    public static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        String auth = values.getOrDefault("auth", "account");
        if (!auth.equals("account") && !auth.equals("basicauth")) {
            throw new IllegalArgumentException("--auth must be account or basicauth, not " + auth);
        }
        // One PATCH record per load generator connection.
        Layout layout = new Layout("bench", intOf(values, "small", 1000), intOf(values, "large", 1_000_000),
                intOf(values, "spread", 100), intOf(values, "connections", 16));
        return new Options(required(values, "url"), values.getOrDefault("user", "bench"),
                values.getOrDefault("password", "bench-secret-password"), auth, layout,
                Optional.ofNullable(values.get("jdbc")), intOf(values, "workers", 16),
                Path.of(required(values, "out")));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int intOf(Map<String, String> values, String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }
}
