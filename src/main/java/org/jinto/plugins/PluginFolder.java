package org.jinto.plugins;

import jakarta.decorator.Decorator;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.inject.Stereotype;
import jakarta.interceptor.Interceptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The plugin JARs of a folder, loaded in one class loader whose parent is the web application's, so plugins see
 * the plugin API and Jakarta EE exactly as WEB-INF/lib JARs do. Only JARs with {@code META-INF/beans.xml} are
 * plugins; their classes are read as a CDI bean archive would be: with discovery mode {@code annotated} (the
 * default) only classes with a bean-defining annotation are beans, with {@code all} every class.
 */
public final class PluginFolder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PluginFolder.class.getName());
    private static final String BEANS_XML = "META-INF/beans.xml";
    private static final Pattern DISCOVERY_MODE = Pattern.compile("bean-discovery-mode\\s*=\\s*[\"'](\\w+)[\"']");

    private final URLClassLoader loader;
    private final List<Class<?>> beanClasses = new ArrayList<>();
    private final List<Class<?>> allClasses = new ArrayList<>();

    private PluginFolder(List<Path> jars, ClassLoader parent) {
        loader = new URLClassLoader("jinto-plugins", jars.stream().map(PluginFolder::url).toArray(URL[]::new), parent);
        for (Path jar : jars) {
            readJar(jar);
        }
    }

    /** Opens every {@code *.jar} of {@code folder} (in name order). */
    public static PluginFolder open(Path folder, ClassLoader parent) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Plugins folder " + folder.toAbsolutePath() + " ("
                    + PluginsFolderExtension.PLUGINS_DIR + ") is not a directory");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new PluginFolder(files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList(),
                    parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list plugins folder " + folder, e);
        }
    }

    /** Classes CDI should treat as beans. */
    public List<Class<?>> beanClasses() {
        return List.copyOf(beanClasses);
    }

    /** Every class of the plugin JARs. */
    List<Class<?>> allClasses() {
        return List.copyOf(allClasses);
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    private void readJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry beansXml = file.getJarEntry(BEANS_XML);
            if (beansXml == null) {
                LOG.warning(() -> "Ignoring " + jar + ": not a plugin (no " + BEANS_XML + ")");
                return;
            }
            String mode = discoveryMode(file, beansXml);
            if (mode.equals("none")) {
                LOG.info(() -> "Ignoring " + jar + ": bean-discovery-mode is none");
                return;
            }
            List<String> names = file.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")
                            && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .toList();
            for (String name : names) {
                Class<?> type = load(jar, name);
                if (type != null) {
                    allClasses.add(type);
                    if (mode.equals("all") || hasBeanDefiningAnnotation(type)) {
                        beanClasses.add(type);
                    }
                }
            }
            LOG.info(() -> "Loaded plugin JAR " + jar + " (" + names.size() + " classes)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read plugin JAR " + jar, e);
        }
    }

    private Class<?> load(Path jar, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.WARNING, "Skipping class " + name + " of " + jar + ": it cannot be loaded", e);
            return null;
        }
    }

    private static String discoveryMode(JarFile file, JarEntry beansXml) throws IOException {
        try (InputStream in = file.getInputStream(beansXml)) {
            Matcher mode = DISCOVERY_MODE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return mode.find() ? mode.group(1) : "annotated";
        }
    }

    /** CDI's bean-defining annotations: scopes, stereotypes, {@code @Dependent}, interceptors and decorators. */
    static boolean hasBeanDefiningAnnotation(Class<?> type) {
        return Arrays.stream(type.getAnnotations()).map(Annotation::annotationType).anyMatch(a ->
                a == Dependent.class || a == Interceptor.class || a == Decorator.class
                        || a.isAnnotationPresent(NormalScope.class) || a.isAnnotationPresent(Stereotype.class));
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
