package org.tollgate.cdr.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.cdr.store.CdrStore;
import org.tollgate.cdr.store.QueuedRecord;

/**
 * Drains one sink's durable queue on its own thread: reads the oldest entries (at most
 * {@value #BATCH} at a time), hands them to the sink in order, removes the acknowledged ones, and
 * after a failure waits (exponential back-off from {@code retryInitial} up to {@code retryMax})
 * before retrying the same entry — so records go out in order, retried until acknowledged. An
 * entry is removed only after its acknowledgement, so a crash may re-send (at most) the entries
 * acknowledged but not yet removed; receivers tell them apart by the record id
 * ({@code Acct-Session-Id} / record id).
 *
 * <p>{@link #wake()} (after each commit) starts a pass at once; otherwise the queue is polled
 * every {@code retryMax} when idle.
 */
public final class SinkRunner implements AutoCloseable {
    /** Largest batch handed to a sink at once. */
    public static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);

    private final CdrStore store;
    private final CdrSink sink;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final Thread thread;
    private boolean woken;
    private volatile boolean running = true;
    private volatile long delivered;

    public SinkRunner(CdrStore store, CdrSink sink, Duration retryInitial, Duration retryMax) {
        this.store = store;
        this.sink = sink;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.thread = Thread.ofPlatform().name("cdr-sink-" + sink.name()).daemon(true).unstarted(this::run);
        thread.start();
    }

    public String name() {
        return sink.name();
    }

    /** Records this runner saw acknowledged since it started. */
    public long delivered() {
        return delivered;
    }

    /** New entries were queued: look now. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await(Duration d) throws InterruptedException {
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (!woken && running && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        Connection c = null;
        Duration backoff = retryInitial;
        while (running) {
            try {
                if (c == null) {
                    c = store.connect();
                }
                List<QueuedRecord> batch = store.pending(c, sink.name(), BATCH);
                if (batch.isEmpty()) {
                    sink.idle();
                    await(retryMax);
                    continue;
                }
                Delivery d = sink.deliver(batch);
                int n = Math.min(d.delivered(), batch.size());
                store.acknowledge(c, sink.name(), batch.subList(0, n).stream().map(QueuedRecord::seq).toList());
                delivered += n;
                switch (d) {
                    case Delivery.All a -> backoff = retryInitial;
                    case Delivery.Partial p -> {
                        if (n < batch.size()) {
                            store.attempted(c, sink.name(), batch.get(n).seq());
                        }
                        LOG.warn("CDR sink {}: delivery failed ({}), retrying in {} ms", sink.name(), p.reason(),
                                backoff.toMillis());
                        sleepUninterrupted(backoff);
                        backoff = backoff.multipliedBy(2).compareTo(retryMax) > 0 ? retryMax : backoff.multipliedBy(2);
                    }
                }
            } catch (SQLException e) {
                LOG.error("CDR sink {}: store error: {}", sink.name(), e.getMessage());
                closeQuietly(c);
                c = null;
                sleepUninterrupted(retryMax);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("CDR sink {}: delivery bug", sink.name(), e);
                sleepUninterrupted(retryMax);
            }
        }
        closeQuietly(c);
    }

    private void sleepUninterrupted(Duration d) {
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (running && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing sink connection: {}", e.getMessage());
            }
        }
    }

    /** Stops after the current delivery; undelivered entries stay queued for the next start. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sink.close();
    }
}
