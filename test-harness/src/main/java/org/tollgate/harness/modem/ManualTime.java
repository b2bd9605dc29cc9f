package org.tollgate.harness.modem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tollgate.lines.tty.LineScheduler;

/**
 * Test time for the emulated modems and the line service: a {@link LineScheduler} and a {@link Clock} that
 * move only when {@link #advance} is called. Due tasks run on the caller's thread.
 */
public final class ManualTime implements LineScheduler {

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
            synchronized (ManualTime.this) {
                tasks.remove(this);
            }
        }
    }

    private final Instant epoch = Instant.parse("2026-11-21T10:00:00Z");
    private final List<Task> tasks = new ArrayList<>();
    private long nowNanos;
    private long seq;

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

    /** Moves time forward, running the tasks that fall due in order. */
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
                    nowNanos = target;
                    notifyAll();
                    return;
                }
                tasks.remove(next);
                nowNanos = Math.max(nowNanos, next.due);
                notifyAll();
            }
            next.body.run();
        }
    }

    /** A clock reading this time. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                synchronized (ManualTime.this) {
                    return epoch.plusNanos(nowNanos);
                }
            }
        };
    }
}
