package org.tollgate.callcontrol.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The production scheduler: a {@link Clock} and one daemon scheduling thread. */
public final class SystemScheduler implements CallScheduler, AutoCloseable {
    private final Clock clock;
    private final ScheduledExecutorService executor;

    public SystemScheduler(Clock clock) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "callcontrol-timers");
            t.setDaemon(true);
            return t;
        });
    }

    public SystemScheduler() {
        this(Clock.systemUTC());
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
