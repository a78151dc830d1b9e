package org.jinto.bench.setup;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prepares a running Jinto for the load scenarios: the account user, the bench bucket and its collections, their
 * records, the polled collection's recent changes and the PATCH records; checks the scenarios' answers; writes
 * {@code state.env} for bench/run.sh and the Lua scenarios.
 *
 * <p>A server without the resource endpoints (404 on the bucket) is not an error: state.env then says
 * {@code BENCH_RESOURCES=no} with the reason, and only the scenarios that need no data run.
 */
public final class BenchSetup {

    private static final JsonObject EMPTY_DATA = Json.createObjectBuilder().add("data", Json.createObjectBuilder()).build();

    private final Options options;
    private final Layout layout;
    private final KintoClient user;
    private final Map<String, String> state = new LinkedHashMap<>();

    BenchSetup(Options options) {
        this.options = options;
        this.layout = options.layout();
        this.user = KintoClient.anonymous(options.url()).as(options.user(), options.password());
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + Options.USAGE);
            System.exit(2);
            return;
        }
        try {
            new BenchSetup(options).run();
        } catch (SetupException e) {
            System.err.println("setup failed: " + e.getMessage());
            System.exit(1);
        }
    }

    void run() {
        state.putAll(layout.environment());
        KintoClient.anonymous(options.url()).expect("GET", "/", null, 200);
        if (options.auth().equals("account")) {
            createAccount();
        }
        checkIdentity();
        Reply bucket = user.send("PUT", layout.bucketPath(), EMPTY_DATA);
        if (bucket.status() == 404) {
            state.put("BENCH_RESOURCES", "no");
            state.put("BENCH_RESOURCES_REASON", "PUT " + layout.bucketPath() + " answered 404: no resource endpoints in this build");
            System.out.println("No resource endpoints (PUT " + layout.bucketPath() + " answered 404): only GET /v1/ can run.");
        } else if (bucket.status() != 201 && bucket.status() != 200) {
            throw new SetupException(bucket.describe());
        } else {
            prepareResources();
            state.put("BENCH_RESOURCES", "yes");
        }
        writeState();
    }

    private void createAccount() {
        JsonObject account = Json.createObjectBuilder()
                .add("data", Json.createObjectBuilder().add("password", options.password())).build();
        KintoClient.anonymous(options.url()).expect("PUT", "/accounts/" + options.user(), account, 201);
    }

    /** Kinto shows the authenticated user in GET /v1/; the expected id proves the credentials work. */
    private void checkIdentity() {
        JsonObject hello = user.expect("GET", "/", null, 200).json();
        String expected = options.auth() + ":";
        if (!hello.containsKey("user")) {
            System.out.println("GET /v1/ shows no user: the credentials are checked by the first write instead.");
        } else if (!hello.getJsonObject("user").getString("id").startsWith(expected)) {
            throw new SetupException("GET /v1/ authenticated as " + hello.getJsonObject("user") + ", expected " + expected + "…");
        }
    }

    private void prepareResources() {
        for (String collection : layout.collections()) {
            user.expect("PUT", layout.collectionPath(collection), EMPTY_DATA, 201);
        }
        boolean batch = HttpSeeder.batchAvailable(user);
        state.put("BENCH_BATCH", batch ? "yes" : "no");
        HttpSeeder http = new HttpSeeder(user, options.workers(), batch);
        timed("small collection over HTTP", () -> http.seed(layout.recordsPath(Layout.SMALL), 1, layout.smallCount()));
        timed("polled collection over HTTP", () -> http.seed(layout.recordsPath(Layout.POLLED), 1, layout.smallCount()));
        seedLarge(http);
        long since = PolledChanges.make(user, layout.recordsPath(Layout.POLLED), layout.smallCount());
        state.put("BENCH_SINCE", Long.toString(since));
        Path etags = options.out().resolve("patch-etags.txt");
        PatchTargets.create(user, layout.recordsPath(Layout.PATCHED), layout.patchCount(), etags);
        state.put("BENCH_PATCH_ETAGS", etags.toAbsolutePath().toString());
        new Verification(user, layout).all(since);
        System.out.println("Data verified: every scenario's request answers as expected.");
    }

    private void seedLarge(HttpSeeder http) {
        Optional<String> sqlUnusable = options.jdbcUrl()
                .map(url -> new SqlSeeder(url).incompatibility())
                .orElse(Optional.of("no --jdbc database (memory backend)"));
        if (sqlUnusable.isEmpty()) {
            SqlSeeder sql = new SqlSeeder(options.jdbcUrl().orElseThrow());
            timed("large collection in SQL", () -> sql.seed(layout.collectionPath(Layout.LARGE), layout.largeCount(),
                    System.currentTimeMillis()));
            state.put("BENCH_LARGE_SEEDED_BY", "sql");
        } else {
            System.out.println("Large collection over HTTP: " + sqlUnusable.get());
            timed("large collection over HTTP", () -> http.seed(layout.recordsPath(Layout.LARGE), 1, layout.largeCount()));
            state.put("BENCH_LARGE_SEEDED_BY", "http");
        }
    }

    private static void timed(String what, Runnable step) {
        long start = System.nanoTime();
        step.run();
        System.out.printf("Seeded the %s in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }

    /** KEY='value' lines a shell can source (values never contain a single quote). */
    private void writeState() {
        List<String> lines = state.entrySet().stream().map(e -> e.getKey() + "='" + e.getValue() + "'").toList();
        try {
            Files.write(options.out().resolve("state.env"), lines);
        } catch (IOException e) {
            throw new SetupException("cannot write state.env: " + e.getMessage(), e);
        }
    }
}
