package org.jinto.reads;

/** Answers a {@link ReadAhead}; implementations agree on every answer (see {@code ReadsContract}). */
public interface Reads {

    Prefetched read(ReadAhead request);
}
