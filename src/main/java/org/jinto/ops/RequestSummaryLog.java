package org.jinto.ops;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.ops.ServerInfo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.logging.Logger;

/**
 * Kinto's {@code request.summary} log: one mozlog JSON line per request on the logger named
 * {@code request.summary}. {@code kinto.logging_request_summary} turns it off; the lines are logged at
 * {@code kinto.logging_request_summary_level} (default INFO), so the logging configuration can filter them.
 * Without a configured handler the lines go to standard output.
 */
@ApplicationScoped
public class RequestSummaryLog {

    public static final String ENABLED_KEY = "kinto.logging_request_summary";
    public static final String LEVEL_KEY = "kinto.logging_request_summary_level";
    private static final Logger LOG = Logger.getLogger(MozLog.TYPE);

    @Inject
    Settings settings;
    @Inject
    ServerInfo serverInfo;

    private boolean enabled;
    private LogLevel level;
    private String hostname;
    private long pid;

    @PostConstruct
    void configure() {
        enabled = settings.getBoolean(ENABLED_KEY, true);
        level = LogLevel.parse(LEVEL_KEY, settings.get(LEVEL_KEY, LogLevel.INFO.name()));
        hostname = localHostname();
        pid = ProcessHandle.current().pid();
        LineHandler.installOn(LOG);
    }

    /** Observing startup creates this bean, so a bad level name stops startup rather than the first request. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // Nothing more: configure() has run.
    }

    /** Whether a summary would be written: the caller gathers one only then. */
    public boolean isOn() {
        return enabled && LOG.isLoggable(level.julLevel());
    }

    public void log(RequestSummary summary) {
        if (isOn()) {
            LOG.log(level.julLevel(),
                    MozLog.requestSummary(summary, serverInfo.name(), hostname, pid, level.severity()));
        }
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
