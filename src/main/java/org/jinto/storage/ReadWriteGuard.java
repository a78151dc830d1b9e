package org.jinto.storage;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The lock of an in-memory backend: reads run side by side, a write runs alone. Under a read load, one exclusive
 * lock had every request thread queue on it. A thread holding the write lock may read.
 */
public final class ReadWriteGuard {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Runs work that only looks at the guarded state. */
    public <T> T reading(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs work that changes the guarded state. */
    public <T> T writing(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs a change that answers nothing. */
    public void writing(Runnable work) {
        writing(() -> {
            work.run();
            return null;
        });
    }
}
