package org.tollgate.dsp.sched;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A {@link MediaScheduler} whose time only moves when a test calls {@link #advance}; due tasks run on the
 * caller's thread, in time order. Thread-safe.
 */
public final class ManualMediaScheduler implements MediaScheduler {
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long now;
    private long seq;

    private static final class Entry implements Comparable<Entry> {
        final Runnable task;
        final long period;
        final long order;
        long due;
        volatile boolean cancelled;

        Entry(Runnable task, long due, long period, long order) {
            this.task = task;
            this.due = due;
            this.period = period;
            this.order = order;
        }

        @Override
        public int compareTo(Entry o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(order, o.order);
        }
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable scheduleAtFixedRate(Runnable task, long initialDelayNanos, long periodNanos) {
        Entry e = new Entry(task, now + initialDelayNanos, periodNanos, seq++);
        queue.add(e);
        return () -> e.cancelled = true;
    }

    /**
     * Simulates a stall: time jumps forward by {@code d} first, then every task that fell due runs late,
     * seeing the new time (as after a long GC pause or CPU starvation).
     */
    public void stall(Duration d) {
        long target;
        synchronized (this) {
            now += d.toNanos();
            target = now;
        }
        while (true) {
            Entry e;
            synchronized (this) {
                e = queue.peek();
                if (e == null || e.due > target) {
                    return;
                }
                queue.poll();
            }
            if (!e.cancelled) {
                e.task.run();
                synchronized (this) {
                    e.due += e.period;
                    queue.add(e);
                }
            }
        }
    }

    /** Moves time forward by {@code d}, running every task that falls due, at its due time. */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toNanos();
        }
        while (true) {
            Entry e;
            synchronized (this) {
                e = queue.peek();
                if (e == null || e.due > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = e.due;
            }
            if (!e.cancelled) {
                e.task.run();
                synchronized (this) {
                    e.due += e.period;
                    queue.add(e);
                }
            }
        }
    }
}
