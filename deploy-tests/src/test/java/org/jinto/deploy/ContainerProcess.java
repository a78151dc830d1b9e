package org.jinto.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A container started for a deployment test: the process we launched (the JVM itself, or a start script), its log,
 * and the container JVM's own PID, by which it is stopped — killing a start script can leave the JVM running.
 */
final class ContainerProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process launched;
    private final Path log;
    private final Path pidFile;
    private ProcessHandle jvm;
    private String failureMessage;

    private ContainerProcess(Process launched, Path log, Path pidFile) {
        this.launched = launched;
        this.log = log;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} with the given environment (the inherited one minus Jinto/Kinto settings), output to
     * {@code log}. {@code pidFile}, when not null, is where the launched script writes the container JVM's PID;
     * otherwise the launched process is that JVM.
     */
    static ContainerProcess start(List<String> command, Path workDir, Map<String, String> environment, Path log,
                                  Path pidFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KINTO_") || name.startsWith("JINTO_"));
        builder.environment().putAll(environment);
        return new ContainerProcess(builder.start(), log, pidFile);
    }

    /**
     * The container's log line that says Jinto failed to deploy: containers keep running without the application,
     * so waiting stops when it appears.
     */
    ContainerProcess failWhenLogged(String message) {
        failureMessage = message;
        return this;
    }

    /** Waits until {@code url} answers 200; fails if the container exits or logs a failed deployment first. */
    void awaitOk(String url, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!launched.isAlive()) {
                throw new IllegalStateException("The container exited with " + launched.exitValue() + "\n" + logTail());
            }
            if (failureMessage != null && log().contains(failureMessage)) {
                throw new IllegalStateException("Deployment failed\n" + logTail());
            }
            try {
                if (CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Keep polling until the deadline.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("No acceptable answer from " + url + " within " + timeout + "\n" + logTail());
    }

    /** The container JVM, found once (a start script's PID file disappears when the JVM exits). */
    ProcessHandle jvm() throws IOException, InterruptedException {
        if (jvm == null) {
            jvm = pidFile == null ? launched.toHandle() : ProcessHandle.of(readPid()).orElseThrow(
                    () -> new IllegalStateException("The container JVM named in " + pidFile + " is not running"));
        }
        return jvm;
    }

    private long readPid() throws IOException, InterruptedException {
        for (int i = 0; i < 100 && !Files.isRegularFile(pidFile); i++) {
            Thread.sleep(100);
        }
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    /** SIGTERM to the container JVM by its PID, SIGKILL after 60 s; then the launched process must be gone too. */
    void stop() throws IOException, InterruptedException {
        ProcessHandle target = jvm();
        target.destroy();
        if (!exited(target, 60)) {
            target.destroyForcibly();
            exited(target, 30);
        }
        if (!launched.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The launched process outlived the container JVM");
        }
    }

    private static boolean exited(ProcessHandle process, long seconds) throws InterruptedException {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean alive() throws IOException, InterruptedException {
        return jvm().isAlive() || launched.isAlive();
    }

    String logTail() {
        try {
            List<String> lines = log().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log so far; containers may write bytes that are not UTF-8, which are replaced rather than fatal. */
    private String log() throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    /** Makes sure nothing is left running when a test fails half-way. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (jvm().isAlive()) {
                stop();
            }
        } finally {
            launched.destroyForcibly();
        }
    }
}
