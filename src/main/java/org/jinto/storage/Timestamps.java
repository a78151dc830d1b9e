package org.jinto.storage;

/** Kinto's timestamp rule, shared by the storage backends. */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * The timestamp for a write and the new resource timestamp, as {@code [object, resource]}.
     * Without a given timestamp: now, or previous + 1 if the clock has not moved past it. A given timestamp equal
     * to the previous one is bumped by one; a future one is kept and becomes the resource timestamp; a past one is
     * kept for the object only.
     */
    public static long[] bump(long previous, Long given) {
        if (given == null) {
            long now = System.currentTimeMillis();
            long current = now <= previous ? previous + 1 : now;
            return new long[]{current, current};
        }
        if (given == previous) {
            return new long[]{previous + 1, previous + 1};
        }
        return new long[]{given, Math.max(given, previous)};
    }
}
