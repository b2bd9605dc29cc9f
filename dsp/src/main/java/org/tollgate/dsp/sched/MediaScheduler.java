package org.tollgate.dsp.sched;

/**
 * The clock and timer that pace media. Production uses {@link ExecutorMediaScheduler}; tests use
 * {@link ManualMediaScheduler} and advance time themselves.
 */
public interface MediaScheduler {
    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /**
     * Runs {@code task} first after {@code initialDelayNanos} and then every {@code periodNanos}
     * measured from the first run's scheduled time (fixed rate: a late run does not delay the next ones,
     * so the schedule never drifts).
     */
    Cancellable scheduleAtFixedRate(Runnable task, long initialDelayNanos, long periodNanos);

    /** A scheduled task's handle. */
    interface Cancellable {
        /** Stops further runs (a run in progress completes). */
        void cancel();
    }
}
