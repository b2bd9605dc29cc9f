package org.tollgate.cdr.sink;

import java.util.List;

import org.tollgate.cdr.store.QueuedRecord;

/**
 * One accounting back-end ({@code file}, {@code syslog}, {@code radius}). Its {@link SinkRunner}
 * calls {@link #deliver} on the sink's own thread with the oldest entries of the sink's durable
 * queue, in order; the sink may block (network, disk) — call control never waits for it.
 */
public interface CdrSink extends AutoCloseable {
    /** The queue name: lower-case letters ({@code radius}, {@code file}, {@code syslog}). */
    String name();

    /**
     * Delivers a prefix of {@code batch} (never reorders): entries reported delivered are removed
     * from the queue; the first undelivered one is retried later with its attempt count raised.
     */
    Delivery deliver(List<QueuedRecord> batch);

    /** Whether this sink also takes START records (RADIUS with a {@code start-stop} list); default no. */
    default boolean wantsStarts() {
        return false;
    }

    /** Called on the runner thread when the queue is idle; file sinks flush and rotate here. */
    default void idle() {
    }

    @Override
    default void close() {
    }
}
