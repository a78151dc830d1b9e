package org.jinto.deploy;

/** One container distribution with Jinto installed as the README describes, started on 127.0.0.1. */
interface Deployment {

    /** For reports: product and version. */
    String name();

    /**
     * The {@code kinto.storage_url} that reaches the test's database: the JNDI name of the pool the container defines
     * from {@code server-config/} (README, Deploying).
     */
    String storageUrl(String jdbcUrl);

    /**
     * Installs Jinto, its {@code server-config/} files and the {@code setup} into a fresh directory, then starts the
     * container on 127.0.0.1:{@code port}. Returns once the container process runs; the caller waits for Jinto.
     */
    ContainerProcess start(int port, Setup setup) throws Exception;
}
