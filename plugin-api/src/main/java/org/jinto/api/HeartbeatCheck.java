package org.jinto.api;

/**
 * A health check reported by {@code GET /v1/__heartbeat__} next to the backends. Plugins expose one as a CDI bean;
 * every such bean is run on each heartbeat, concurrently with the others.
 */
public interface HeartbeatCheck {

    /** The key of this check in the heartbeat answer, e.g. {@code attachments}. */
    String name();

    /**
     * True when healthy. False, an exception, or no answer within {@code kinto.heartbeat_timeout_seconds} (for all
     * checks together) reports the check as failing and the heartbeat answers 503; a check that hangs is
     * interrupted.
     */
    boolean check();

    /** False leaves the check out of the heartbeat, e.g. while its plugin is not included. */
    default boolean enabled() {
        return true;
    }
}
