package org.tollgate.aaa.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.tollgate.callcontrol.time.CallScheduler;

/**
 * Timers driven by the test: tasks fire only when the test {@link #advance advances} time.
 * {@link #awaitScheduled} lets the test wait (by synchronization, not by sleeping) until the code
 * under test has armed a timer.
 */
public final class FakeTimers implements CallScheduler {

    private static final java.time.Instant EPOCH = java.time.Instant.parse("2026-01-01T00:00:00Z");

    private record Task(long dueNanos, Runnable task, boolean[] cancelled) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Task> tasks = new ArrayList<>();
    private long nowNanos;
    private int scheduledCount;

    @Override
    public java.time.Instant now() {
        lock.lock();
        try {
            return EPOCH.plusNanos(nowNanos);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        lock.lock();
        try {
            tasks.add(new Task(nowNanos + delay.toNanos(), task, cancelled));
            scheduledCount++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return () -> {
            lock.lock();
            try {
                cancelled[0] = true;
                tasks.removeIf(t -> t.cancelled()[0]);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        };
    }

    /** Moves time forward, running every task that falls due (in due order). */
    public void advance(Duration by) {
        List<Task> due = new ArrayList<>();
        lock.lock();
        try {
            nowNanos += by.toNanos();
            for (Task t : List.copyOf(tasks)) {
                if (t.dueNanos() <= nowNanos && !t.cancelled()[0]) {
                    due.add(t);
                    tasks.remove(t);
                }
            }
        } finally {
            lock.unlock();
        }
        due.sort(Comparator.comparingLong(Task::dueNanos));
        due.forEach(t -> t.task().run());
    }

    /** How many timers were armed since creation. */
    public int scheduledCount() {
        lock.lock();
        try {
            return scheduledCount;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until at least {@code count} timers have been armed in total (safety limit 10 s). */
    public void awaitScheduled(int count) throws InterruptedException, TimeoutException {
        lock.lock();
        try {
            long left = TimeUnit.SECONDS.toNanos(10);
            while (scheduledCount < count) {
                if (left <= 0) {
                    throw new TimeoutException("timer " + count + " never armed (" + scheduledCount + " armed)");
                }
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Pending (armed, not fired, not cancelled) timers. */
    public int pending() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }
}
