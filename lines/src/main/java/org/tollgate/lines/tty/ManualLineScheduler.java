package org.tollgate.lines.tty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tollgate.callcontrol.time.ManualClock;

/**
 * A {@link LineScheduler} for tests (of the line service, the modem emulator): time moves only in
 * {@link #advance}; due tasks then run on the caller's thread, in due order (ties in scheduling
 * order); {@link #pause} returns once time has been advanced far enough. {@link #clock()} reads the
 * same time as a {@link Clock} (a {@link ManualClock}) starting at the given epoch (default
 * {@link #DEFAULT_EPOCH}).
 * Thread-safe.
 */
public final class ManualLineScheduler implements LineScheduler {
    /** The instant {@link #clock()} shows before any {@link #advance}: 2026-11-21T10:00:00Z. */
    public static final Instant DEFAULT_EPOCH = Instant.parse("2026-11-21T10:00:00Z");

    private final class Task implements Cancellable {
        final long due;
        final long seq;
        final Runnable body;

        Task(long due, long seq, Runnable body) {
            this.due = due;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public void cancel() {
            synchronized (ManualLineScheduler.this) {
                tasks.remove(this);
            }
        }
    }

    private final ManualClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long nowNanos;
    private long seq;

    public ManualLineScheduler(Instant epoch) {
        this.clock = new ManualClock(epoch);
    }

    /** Starts at {@link #DEFAULT_EPOCH}. */
    public ManualLineScheduler() {
        this(DEFAULT_EPOCH);
    }

    @Override
    public synchronized long nanoTime() {
        return nowNanos;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(nowNanos + delay.toNanos(), seq++, task);
        tasks.add(t);
        return t;
    }

    @Override
    public void pause(Duration delay) throws InterruptedException {
        synchronized (this) {
            long until = nowNanos + delay.toNanos();
            while (nowNanos < until) {
                wait();
            }
        }
    }

    /** Moves time forward, running every task that falls due, in due order. */
    public void advance(Duration by) {
        long target;
        synchronized (this) {
            target = nowNanos + by.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.due <= target)
                        .min(Comparator.<Task>comparingLong(t -> t.due).thenComparingLong(t -> t.seq)).orElse(null);
                if (next == null) {
                    moveTo(target);
                    return;
                }
                tasks.remove(next);
                moveTo(Math.max(nowNanos, next.due));
            }
            next.body.run();
        }
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized int pendingTasks() {
        return tasks.size();
    }

    /** Sets this scheduler's time (never backwards) and the clock's with it; wakes {@link #pause}. */
    private synchronized void moveTo(long nanos) {
        clock.advance(Duration.ofNanos(nanos - nowNanos));
        nowNanos = nanos;
        notifyAll();
    }

    /** A clock reading this scheduler's time (UTC). */
    public Clock clock() {
        return clock;
    }
}
