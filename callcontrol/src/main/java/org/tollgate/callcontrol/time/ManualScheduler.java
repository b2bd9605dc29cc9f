package org.tollgate.callcontrol.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A scheduler whose clock moves only when {@link #advance(Duration)} is called: due tasks then run
 * on the calling thread, in due-time order (ties in scheduling order), each seeing {@link #now()}
 * equal to its due time. Thread-safe, so authorization threads may schedule on it.
 */
public final class ManualScheduler implements CallScheduler {
    private record Task(Instant due, long seq, Runnable run, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparing(Task::due).thenComparingLong(Task::seq));
    private Instant now;
    private long seq;

    public ManualScheduler(Instant start) {
        this.now = start;
    }

    /** Starts at 2026-01-01T00:00:00Z. */
    public ManualScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task, cancelled));
        notifyAll();
        return () -> {
            synchronized (ManualScheduler.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves the clock forward by {@code d}, running every task that becomes due. */
    public void advance(Duration d) {
        Instant target;
        synchronized (this) {
            target = now.plus(d);
        }
        while (true) {
            Task t;
            synchronized (this) {
                Task head = tasks.peek();
                if (head == null || head.due().isAfter(target)) {
                    now = target;
                    return;
                }
                t = tasks.poll();
                now = t.due();
                if (t.cancelled()[0]) {
                    continue;
                }
            }
            t.run().run();
        }
    }

    /** Runs tasks due now (after a zero delay). */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Number of scheduled, not cancelled, tasks not yet run. */
    public synchronized int pending() {
        List<Task> live = new ArrayList<>();
        for (Task t : tasks) {
            if (!t.cancelled()[0]) {
                live.add(t);
            }
        }
        return live.size();
    }

    /** Tasks scheduled since creation (run, cancelled or still pending). */
    public synchronized long scheduledCount() {
        return seq;
    }

    /**
     * Blocks until at least {@code n} tasks have been scheduled since creation (another thread has
     * armed its n-th timer, whether or not earlier ones already ran), or {@code maxWait} passes.
     * Returns whether they have. For test synchronisation only; no logic depends on real time.
     */
    public synchronized boolean awaitScheduled(long n, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (seq < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /**
     * Blocks until at least {@code n} tasks are pending (another thread, e.g. an authorization
     * application, is about to wait on a timeout), or {@code maxWait} passes. Returns whether they are.
     * For test synchronisation only; no logic depends on real time.
     */
    public synchronized boolean awaitPending(int n, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (pending() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
