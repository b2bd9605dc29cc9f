package org.tollgate.dsp.sched;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link MediaScheduler} on a {@link ScheduledThreadPoolExecutor} with a few daemon threads (default 2,
 * one per core on the reference machine); fixed-rate scheduling keeps 20 ms pacing drift-free.
 */
public final class ExecutorMediaScheduler implements MediaScheduler, AutoCloseable {
    private final ScheduledThreadPoolExecutor executor;

    /** A scheduler with {@code threads} pacing threads named {@code tollgate-media-N}. */
    public ExecutorMediaScheduler(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "tollgate-media-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, long initialDelayNanos, long periodNanos) {
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(task, initialDelayNanos, periodNanos, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
