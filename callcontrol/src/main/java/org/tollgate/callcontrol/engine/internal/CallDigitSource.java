package org.tollgate.callcontrol.engine.internal;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.tollgate.callcontrol.auth.DigitInput;
import org.tollgate.callcontrol.auth.DigitSource;
import org.tollgate.callcontrol.time.CallScheduler;

/**
 * The digit source of one authorization step: call control offers digits, the authorization
 * thread takes them; timeouts come from the call scheduler; {@link #close()} (hang-up) makes
 * every later {@link #next} throw {@link InterruptedException}.
 */
public final class CallDigitSource implements DigitSource {
    private record TimeoutMark(long id) {
    }

    private static final Object CLOSED = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CallScheduler scheduler;
    private final AtomicLong waits = new AtomicLong();

    public CallDigitSource(CallScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Queues digits from the caller. */
    public void offer(String digits) {
        for (char c : digits.toCharArray()) {
            queue.add(c);
        }
    }

    /** The caller hung up. */
    public void close() {
        queue.add(CLOSED);
    }

    @Override
    public DigitInput next(Duration timeout) throws InterruptedException {
        long id = waits.incrementAndGet();
        CallScheduler.Cancellable timer = scheduler.schedule(timeout, () -> queue.add(new TimeoutMark(id)));
        try {
            while (true) {
                Object o = queue.take();
                if (o == CLOSED) {
                    queue.add(CLOSED);
                    throw new InterruptedException("caller hung up");
                }
                if (o instanceof TimeoutMark m) {
                    if (m.id() == id) {
                        return new DigitInput.Timeout();
                    }
                    continue;
                }
                return new DigitInput.Digit((Character) o);
            }
        } finally {
            timer.cancel();
        }
    }
}
