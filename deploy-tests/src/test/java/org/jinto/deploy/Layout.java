package org.jinto.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where things are: the artifacts and unpacked distributions Maven put in {@code jinto.deploy.dir}, the project's
 * {@code server-config/}, a scratch directory per container; plus the file operations the installations share.
 */
final class Layout {

    private Layout() {
    }

    /** WARs, driver and distributions, as copied/unpacked by the build. */
    static Path deployDir() {
        return Path.of(property("jinto.deploy.dir"));
    }

    static Path serverConfig(String relative) {
        return Path.of(property("jinto.projectRoot")).resolve("server-config").resolve(relative).normalize();
    }

    /** Where the container runs write (target/work). */
    static Path workDir() {
        return Path.of(property("jinto.deploy.work"));
    }

    /** An empty scratch directory for one container run. */
    static Path freshWorkDir(String name) throws IOException {
        Path dir = workDir().resolve(name);
        deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    static String version(String product) {
        return property(product + ".version");
    }

    /** The JDK running the tests, handed to the containers as JAVA_HOME. */
    static String javaHome() {
        return System.getProperty("java.home");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** A {@code plugins} folder in {@code base} holding {@code plugin}: what {@code KINTO_PLUGINS_DIR} names. */
    static Path pluginsFolder(Path base, Path plugin) throws IOException {
        Path folder = base.resolve("plugins");
        copy(plugin, folder.resolve(plugin.getFileName()));
        return folder;
    }

    /** Replaces {@code from} by {@code to} in a text file; fails if {@code from} is absent (the file changed upstream). */
    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer contains " + from);
        }
        Files.writeString(file, text.replace(from, to));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set: run the deployment tests with mvn verify");
        }
        return value;
    }
}
