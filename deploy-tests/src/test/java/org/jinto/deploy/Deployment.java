package org.jinto.deploy;

import java.nio.file.Path;
import java.util.Map;

/** One container distribution with Jinto installed as the README describes, started on 127.0.0.1. */
interface Deployment {

    /** For reports: product and version. */
    String name();

    /**
     * Installs Jinto and its {@code server-config/} files into a fresh directory, then starts the container on
     * 127.0.0.1:{@code port} with {@code settings} as Jinto's settings file and {@code environment} added.
     * Returns once the container process runs; the caller waits for Jinto to answer.
     */
    ContainerProcess start(int port, Path settings, Map<String, String> environment) throws Exception;
}
