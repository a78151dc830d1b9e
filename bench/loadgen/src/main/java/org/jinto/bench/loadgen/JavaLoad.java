package org.jinto.bench.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * {@code java -jar jinto-bench-loadgen.jar METHOD URL CONNECTIONS SECONDS}: loads URL like a wrk scenario, with the
 * same environment: {@code BENCH_AUTHORIZATION} (sent as Authorization), {@code BENCH_LABEL}, and
 * {@code BENCH_RESULT} (the file the result line is appended to; unset for a warm-up run).
 */
public final class JavaLoad {

    private JavaLoad() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        if (args.length != 4) {
            System.err.println("usage: java -jar jinto-bench-loadgen.jar METHOD URL CONNECTIONS SECONDS");
            System.exit(2);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(args[1]))
                .method(args[0], HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10));
        String authorization = System.getenv("BENCH_AUTHORIZATION");
        if (authorization != null && !authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        Outcome outcome = new ClosedLoop(request.build(), Integer.parseInt(args[2]))
                .run(Duration.ofSeconds(Long.parseLong(args[3])));
        String line = outcome.resultLine(System.getenv().getOrDefault("BENCH_LABEL", args[0] + " " + args[1]));
        System.out.println(line);
        String result = System.getenv("BENCH_RESULT");
        if (result != null && !result.isEmpty()) {
            Files.writeString(Path.of(result), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
