package org.jinto.bench.loadgen;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code java -jar jinto-bench-loadgen.jar METHOD URL CONNECTIONS WARMUP_SECONDS SECONDS}: loads URL like a wrk
 * scenario, with the same environment: {@code BENCH_AUTHORIZATION} (sent as Authorization), {@code BENCH_LABEL},
 * and {@code BENCH_RESULT} (the file the result line is appended to). The warm-up runs in the same JVM, so the
 * measured part runs on compiled code on both sides.
 */
public final class JavaLoad {

    private JavaLoad() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        if (args.length != 5) {
            System.err.println("usage: java -jar jinto-bench-loadgen.jar METHOD URL CONNECTIONS WARMUP_SECONDS SECONDS");
            System.exit(2);
        }
        Optional<String> authorization = Optional.ofNullable(System.getenv("BENCH_AUTHORIZATION")).filter(a -> !a.isEmpty());
        Outcome outcome;
        try (ClosedLoop load = new ClosedLoop(args[0], URI.create(args[1]), authorization, Integer.parseInt(args[2]))) {
            load.run(Duration.ofSeconds(Long.parseLong(args[3])));
            outcome = load.run(Duration.ofSeconds(Long.parseLong(args[4])));
        }
        String line = outcome.resultLine(System.getenv().getOrDefault("BENCH_LABEL", args[0] + " " + args[1]));
        System.out.println(line);
        String result = System.getenv("BENCH_RESULT");
        if (result != null && !result.isEmpty()) {
            Files.writeString(Path.of(result), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
