package org.tollgate.lines.tty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A test scheduler: time moves only in {@link #advance}; due tasks run on the caller's thread. */
public final class FakeLineScheduler implements LineScheduler {

    private final class Task implements Cancellable {
        final long due;
        final long seq;
        final Runnable body;
        boolean cancelled;

        Task(long due, long seq, Runnable body) {
            this.due = due;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public void cancel() {
            synchronized (FakeLineScheduler.this) {
                cancelled = true;
                tasks.remove(this);
            }
        }
    }

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
        long until;
        synchronized (this) {
            until = nowNanos + delay.toNanos();
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

    public synchronized int pendingTasks() {
        return tasks.size();
    }
}
