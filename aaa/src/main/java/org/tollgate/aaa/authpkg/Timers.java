package org.tollgate.aaa.authpkg;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A one-shot timer service (STYLE guideline 4: time is injected). Production uses
 * {@link #of(ScheduledExecutorService)}; tests use a fake that fires when the test advances time.
 */
@FunctionalInterface
public interface Timers {

    /** A scheduled task that can be cancelled; cancelling a fired or cancelled task does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** Runs {@code task} once after {@code delay}, on a timer thread: the task must not block. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Timers on a scheduled executor. */
    static Timers of(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
