package org.tollgate.aaa.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.tollgate.aaa.authpkg.AuthPackageParams;
import org.tollgate.callcontrol.auth.DigitInput;
import org.tollgate.callcontrol.auth.DigitSource;
import org.tollgate.callcontrol.time.CallScheduler;

/**
 * A test digit stream (call control's own is {@code CallDigitSource}): the signaling side {@link #offer offers} keys (never blocks: SIP INFO,
 * RFC 4733 events, in-band detector, KPML all end here), the IVR thread reads them through
 * {@link #next}. The wait is timed by the injected {@link CallScheduler}, so tests drive it with a fake
 * clock.
 *
 * <p>Limit: at most {@value #CAPACITY} keys are buffered; further keys are dropped (a caller
 * cannot usefully type ahead more than two full 32-digit entries).
 */
public final class DigitQueue implements DigitSource {

    /** Keys kept while nobody reads. */
    public static final int CAPACITY = 64;

    private record Wakeup(long generation) {
    }

    private final CallScheduler timers;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY + 8);
    private final AtomicLong generation = new AtomicLong();

    public DigitQueue(CallScheduler timers) {
        this.timers = Objects.requireNonNull(timers, "timers");
    }

    /**
     * Adds a key from the call's DTMF input; returns false when it was not a DTMF key or the buffer
     * was full. Safe from any thread, never blocks.
     */
    public boolean offer(char key) {
        if (!AuthPackageParams.isKeypadDigit(key)) {
            return false;
        }
        if (queue.size() >= CAPACITY) {
            return false;
        }
        return queue.offer(new DigitInput.Digit(key));
    }

    @Override
    public DigitInput next(Duration timeout) throws InterruptedException {
        while (true) {
            Object head = queue.poll();
            if (head == null) {
                break;
            }
            if (head instanceof DigitInput.Digit key) {
                return key;
            }
            // a stale wake-up of an earlier wait: drop it
        }
        long mine = generation.incrementAndGet();
        CallScheduler.Cancellable timer = timers.schedule(timeout, () -> queue.offer(new Wakeup(mine)));
        try {
            while (true) {
                Object item = queue.take();
                if (item instanceof DigitInput.Digit key) {
                    return key;
                }
                if (item instanceof Wakeup wakeup && wakeup.generation() == mine) {
                    return new DigitInput.Timeout();
                }
            }
        } finally {
            timer.cancel();
        }
    }
}
