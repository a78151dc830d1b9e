package org.jinto.ops;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id carried by {@code X-Request-Id}: a client's or a proxy's id is kept when it is a plausible
 * token, so one request can be followed across services; anything else is replaced by a fresh UUID, so that
 * a hostile header cannot forge log content.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private RequestIds() {
    }

    public static String honourOrGenerate(String received) {
        if (received != null && ACCEPTED.matcher(received).matches()) {
            return received;
        }
        return randomUuid().toString();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a correlation id needs to be unique, not
     * unguessable, and {@code UUID.randomUUID()} has every request thread queue on the one secure generator.
     */
    private static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long version4 = random.nextLong() & ~0xF000L | 0x4000L;
        long ietfVariant = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(version4, ietfVariant);
    }
}
