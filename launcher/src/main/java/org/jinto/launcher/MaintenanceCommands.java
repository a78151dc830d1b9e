package org.jinto.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs one of Jinto's maintenance commands ({@code migrate}, {@code purge-deleted}, {@code create-user},
 * {@code flush-cache}) from an exploded WAR: its {@code WEB-INF/classes} and {@code WEB-INF/lib} JARs make a class
 * loader of their own (above the JDK only, so the launcher's Tomcat stays out of it), whose
 * {@code org.jinto.cli.JintoCli.execute(String[], Supplier)} runs the command with the same code, settings and
 * backends as the server. The embedded PostgreSQL is offered as the server gets it, for settings naming no database.
 */
final class MaintenanceCommands {

    private static final String ENTRY = "org.jinto.cli.JintoCli";

    private MaintenanceCommands() {
    }

    /** Answers the command's exit status. */
    static int run(Path webapp, String[] args, Supplier<String> embeddedDatabase) throws Exception {
        Path webInf = webapp.resolve("WEB-INF");
        if (!Files.isDirectory(webInf.resolve("classes"))) {
            System.err.println("Commands need the exploded WAR (a directory such as server/target/jinto), not " + webapp);
            return 2;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader webappLoader = new URLClassLoader("jinto-webapp", classPath(webInf),
                ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(webappLoader);
            return (int) webappLoader.loadClass(ENTRY).getMethod("execute", String[].class, Supplier.class)
                    .invoke(null, args, embeddedDatabase);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL[] classPath(Path webInf) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(webInf.resolve("classes")));
        Path lib = webInf.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(url(jar));
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static URL url(Path path) throws MalformedURLException {
        return path.toUri().toURL();
    }
}
