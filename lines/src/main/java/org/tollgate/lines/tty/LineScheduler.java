package org.tollgate.lines.tty;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time source of the line service: chat-script timeouts, {@code \d}/{@code \p} pauses, the callback
 * forced wait and the modem escape guard time all go through it, so tests drive time with a fake.
 *
 * <p>Tasks run on a thread of the scheduler's choosing; receivers must synchronise themselves.
 */
public interface LineScheduler {

    /** A scheduled task that can be cancelled; cancelling a task that already ran does nothing. */
    interface Cancellable {
        void cancel();
    }

    /** Monotonic time in nanoseconds of this scheduler (arbitrary origin), for deadlines. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Blocks the calling thread for {@code delay} of this scheduler's time. The system scheduler sleeps;
     * a test scheduler returns when its clock has been advanced far enough.
     */
    void pause(Duration delay) throws InterruptedException;

    /** The real-time scheduler: one daemon platform thread for timers; {@link #pause} sleeps. */
    static LineScheduler system() {
        return SystemScheduler.INSTANCE;
    }

    /** The production implementation, shared by all lines. */
    final class SystemScheduler implements LineScheduler {
        static final SystemScheduler INSTANCE = new SystemScheduler();
        private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "line-timers");
            t.setDaemon(true);
            return t;
        });

        private SystemScheduler() {
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            ScheduledFuture<?> f = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }

        @Override
        public void pause(Duration delay) throws InterruptedException {
            Thread.sleep(delay);
        }
    }
}
