package org.jinto.launcher;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.loader.WebappClassLoaderBase;
import org.apache.catalina.loader.WebappLoader;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanFilter;
import org.apache.tomcat.util.scan.StandardJarScanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Jinto WAR (exploded) on an embedded Tomcat. Used by {@link Main}, by the HTTP tests and by benchmarks.
 */
public final class EmbeddedServer implements AutoCloseable {

    /**
     * The WAR's libraries that hold no JAX-RS resource, provider or web fragment: Tomcat need not read their classes
     * for the servlet container initializers' annotations, which took half of the start-up time. Every other JAR
     * (Jinto's, Jersey's, Weld's, plugins' of any name) is scanned; a new library missing here only costs time.
     */
    private static final StandardJarScanFilter LIBRARIES_WITHOUT_WEB_COMPONENTS = new StandardJarScanFilter();

    static {
        LIBRARIES_WITHOUT_WEB_COMPONENTS.setTldSkip("*.jar");
        LIBRARIES_WITHOUT_WEB_COMPONENTS.setPluggabilitySkip(String.join(",",
                "HdrHistogram-*.jar", "HikariCP-*.jar", "aopalliance-*.jar", "bcrypt-*.jar", "bytes-*.jar",
                "checker-qual-*.jar", "commons-*.jar", "eclipselink-*.jar", "error_prone_*.jar", "flyway-*.jar",
                "gson-*.jar", "hk2-*.jar", "itu-*.jar", "jackson-*.jar", "jakarta.*.jar", "javassist-*.jar",
                "jedis-*.jar", "json-*.jar", "jspecify-*.jar", "micrometer-*.jar", "osgi-resource-locator-*.jar",
                "parsson-*.jar", "picocli-*.jar", "postgresql-*.jar", "prometheus-metrics-*.jar", "slf4j-*.jar",
                "snakeyaml-*.jar", "swagger-*.jar", "unboundid-*.jar", "yasson-*.jar", "nimbus-*.jar",
                "jcip-annotations-*.jar", "bcprov-*.jar", "bcpkix-*.jar", "bcutil-*.jar",
                // The AWS SDK and Apache HttpClient (the attachment plugin's S3 store): 11 MB of classes, most of the
                // scanning time of a start when they were scanned.
                "annotations-*.jar", "apache5-client-*.jar", "arns-*.jar", "auth-*.jar", "aws-*.jar",
                "checksums-*.jar", "crt-core-*.jar", "endpoints-spi-*.jar", "eventstream-*.jar", "http-auth-*.jar",
                "http-client-spi-*.jar", "httpclient5-*.jar", "httpcore5-*.jar", "identity-spi-*.jar",
                "metrics-spi-*.jar", "profiles-*.jar", "protocol-core-*.jar", "reactive-streams-*.jar",
                "regions-*.jar", "retries-*.jar", "s3-*.jar", "sdk-core-*.jar", "third-party-jackson-core-*.jar",
                "url-connection-client-*.jar", "utils-*.jar"));
    }

    private final Tomcat tomcat = new Tomcat();
    private final Path baseDir;
    private final Context context;
    private int port;

    /**
     * @param webapp        the exploded WAR directory (or a .war file)
     * @param host          address to bind
     * @param port          port to bind, 0 for any free port
     * @param contextParams servlet context parameters (e.g. {@code jinto.ini} naming the settings file)
     */
    public EmbeddedServer(Path webapp, String host, int port, Map<String, String> contextParams) throws IOException {
        baseDir = Files.createTempDirectory("jinto-tomcat");
        Files.createDirectories(baseDir.resolve("webapps"));
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", host);
        connector.setProperty("maxThreads", "64");
        // Kinto's clients send paths such as /v1/buckets/b1/collections/c1/records?in_id=a,b; keep encoded slashes out.
        connector.setEncodedSolidusHandling("reject");
        // Kinto accepts ETag values unencoded in the query string (?_since="1500000000000"), as do its clients.
        connector.setProperty("relaxedQueryChars", "\"<>[\\]^`{|}");
        // TRACE reaches the application, which answers it as Kinto does (405, or 404 off its routes).
        connector.setAllowTrace(true);
        tomcat.setConnector(connector);
        tomcat.getEngine().getPipeline().addValve(new Http09RefusalValve());
        ((org.apache.catalina.core.StandardHost) tomcat.getHost()).setErrorReportValveClass(JsonErrorReportValve.class.getName());
        context = tomcat.addWebapp("", webapp.toAbsolutePath().toString());
        context.getJarScanner().setJarScanFilter(LIBRARIES_WITHOUT_WEB_COMPONENTS);
        // The application is the WAR alone: scanning the launcher's class path too (the test class path, in tests)
        // slowed the start and let test classes leak into the application.
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        contextParams.forEach(context::addParameter);
    }

    /** Makes {@code value} a servlet context attribute of the web application (set before it starts). */
    public EmbeddedServer offer(String attribute, Object value) {
        context.addServletContainerInitializer((classes, servletContext) -> servletContext.setAttribute(attribute, value), null);
        return this;
    }

    /** Loads the web application with {@code loaderClass} (the HTTP tests' servers share the libraries this way). */
    public EmbeddedServer loadedBy(Class<? extends WebappClassLoaderBase> loaderClass) {
        WebappLoader loader = new WebappLoader();
        loader.setLoaderClass(loaderClass.getName());
        context.setLoader(loader);
        return this;
    }

    /** Starts Tomcat; fails if the web application did not start (e.g. a bad setting). */
    public EmbeddedServer start() throws LifecycleException {
        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            tomcat.stop();
            tomcat.destroy();
            throw new LifecycleException("Jinto failed to start (see the log above)");
        }
        port = tomcat.getConnector().getLocalPort();
        return this;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
