package org.tollgate.callcontrol.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Time for call control: the current instant and delayed tasks. Production uses
 * {@link SystemScheduler}; tests use {@link ManualScheduler} and advance it by hand.
 */
public interface CallScheduler {
    Instant now();

    /** Runs {@code task} once after {@code delay} (on a scheduler thread, or on the advancing thread). */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be cancelled; cancelling a task that ran is harmless. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
