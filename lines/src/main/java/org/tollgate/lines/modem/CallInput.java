package org.tollgate.lines.modem;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import org.tollgate.lines.tty.LineInput;

/**
 * The caller's keystrokes during a call: line input passed through a {@link CarrierWatch}, so that the
 * modem's {@code NO CARRIER} ends the input instead of reaching the login or the EXEC session. One per call.
 */
public final class CallInput {

    private final LineInput input;
    private final CarrierWatch watch = new CarrierWatch();
    private final ArrayDeque<Byte> ready = new ArrayDeque<>();
    private volatile boolean ended;
    private volatile boolean idleTimedOut;

    public CallInput(LineInput input) {
        this.input = input;
    }

    /**
     * Reads one keystroke.
     *
     * @param timeout scheduler time to wait; null for ever
     * @return 0..255, {@link LineInput#TIMEOUT}, or {@link LineInput#EOF} (carrier lost, line closed or cleared)
     */
    public int read(Duration timeout) throws InterruptedException {
        while (true) {
            synchronized (ready) {
                if (!ready.isEmpty()) {
                    return ready.pollFirst() & 0xff;
                }
            }
            if (ended || watch.carrierLost()) {
                return LineInput.EOF;
            }
            int b = input.read(timeout);
            if (b < 0) {
                return ended ? LineInput.EOF : b;
            }
            byte[] passed = watch.filter(new byte[] {(byte) b});
            synchronized (ready) {
                for (byte p : passed) {
                    ready.addLast(p);
                }
            }
        }
    }

    /** Whether the modem reported {@code NO CARRIER}. */
    public boolean carrierLost() {
        return watch.carrierLost();
    }

    /** Ends the input (line cleared, session over); pending and later reads give EOF. */
    public void end() {
        ended = true;
        input.kick();
    }

    /** Whether {@link #asStream}'s idle limit ended the input. */
    public boolean idleTimedOut() {
        return idleTimedOut;
    }

    /**
     * A blocking stream view for the EXEC session.
     *
     * @param idleLimit end of stream after this long without a keystroke (IOS {@code exec-timeout});
     *                  zero or null = never
     */
    public InputStream asStream(Duration idleLimit) {
        Duration limit = idleLimit == null || idleLimit.isZero() ? null : idleLimit;
        return new InputStream() {
            @Override
            public int read() throws InterruptedIOException {
                try {
                    int b = CallInput.this.read(limit);
                    if (b == LineInput.TIMEOUT) {
                        idleTimedOut = true;
                        ended = true;
                        return -1;
                    }
                    return b < 0 ? -1 : b;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("line reader interrupted");
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws InterruptedIOException {
                if (len == 0) {
                    return 0;
                }
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                int n = 1;
                synchronized (ready) {
                    while (n < len && !ready.isEmpty()) {
                        b[off + n++] = ready.pollFirst();
                    }
                }
                return n;
            }

            @Override
            public int available() {
                synchronized (ready) {
                    return ready.size();
                }
            }
        };
    }
}
