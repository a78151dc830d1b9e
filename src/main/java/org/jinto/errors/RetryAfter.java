package org.jinto.errors;

import org.jinto.api.Settings;

/**
 * Kinto's {@code Retry-After}: every 503 answer (a backend failure, a failed commit, an observer's backend failure,
 * a container error) tells the client when to retry, after {@code kinto.retry_after_seconds}. Kinto's 500 answers
 * carry none.
 */
public final class RetryAfter {

    public static final String HEADER = "Retry-After";
    static final String SETTING = "kinto.retry_after_seconds";
    static final long DEFAULT_SECONDS = 3;

    private RetryAfter() {
    }

    /** Whether an answer of this status carries the header. */
    public static boolean applies(int status) {
        return status == 503;
    }

    /** The header's value. */
    public static String seconds(Settings settings) {
        return Long.toString(settings.getLong(SETTING, DEFAULT_SECONDS));
    }
}
