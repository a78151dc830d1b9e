package org.jinto.testing;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds a plugin JAR from a Maven-layout source tree the way a third party would: compiled against the plugin
 * API and the Jakarta EE API only (nothing of the server), then packaged with its resources.
 */
public final class PluginBuild {

    private PluginBuild() {
    }

    /** The project directory of a plugin kept in this repository, e.g. {@code examples/counter-plugin}. */
    public static Path projectDirectory(String relative) {
        String root = System.getProperty("jinto.projectRoot");
        if (root == null) {
            throw new IllegalStateException("System property jinto.projectRoot is not set: run with mvn verify");
        }
        return Path.of(root, relative);
    }

    /** JARs already built in this JVM, by project: several test classes install the same test plugin. */
    private static final Map<Path, Path> BUILT = new HashMap<>();

    /**
     * Compiles {@code project}/src/main/java and jars it with src/main/resources into {@code jar}; a project built
     * before in this JVM is copied from that build.
     */
    public static synchronized Path build(Path project, Path jar) throws IOException {
        Path built = BUILT.get(project);
        if (built == null) {
            built = compile(project, Files.createTempDirectory("jinto-plugin").resolve(jar.getFileName()));
            BUILT.put(project, built);
        }
        Files.createDirectories(jar.getParent());
        return Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path compile(Path project, Path jar) throws IOException {
        Path classes = Files.createTempDirectory("jinto-plugin-classes");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "-classpath", codeSource(org.jinto.api.Plugin.class) + java.io.File.pathSeparator
                        + codeSource(jakarta.enterprise.event.Observes.class)));
        arguments.addAll(files(project.resolve("src/main/java")).stream().map(Path::toString).toList());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("The plugin at " + project + " does not compile against the plugin API");
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, classes);
            add(out, project.resolve("src/main/resources"));
        }
        return jar;
    }

    private static void add(JarOutputStream out, Path root) throws IOException {
        for (Path file : files(root)) {
            out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, out);
            out.closeEntry();
        }
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
