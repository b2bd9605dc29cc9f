package org.tollgate.lines.tty;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input side of a line: a reader thread pulls bytes from the {@link SerialLine} into a buffer, from
 * which the line's own thread reads byte by byte with timeouts measured by the injected
 * {@link LineScheduler} ({@link #read}), or which is diverted wholesale to a push consumer (a running chat
 * script, {@link #divert}).
 *
 * <p>Limit: at most {@value #MAX_BUFFERED} unread bytes are kept; older bytes are dropped beyond that.
 */
public final class LineInput implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LineInput.class);

    /** {@link #read} result: nothing arrived in time. */
    public static final int TIMEOUT = -2;
    /** {@link #read} result: the line is closed. */
    public static final int EOF = -1;
    /** Unread bytes kept. */
    public static final int MAX_BUFFERED = 64 * 1024;

    private final LineScheduler scheduler;
    private final ArrayDeque<Byte> buffer = new ArrayDeque<>();
    private Consumer<byte[]> diverted;
    private boolean closed;
    private long readToken;
    private long expiredToken = -1;
    private Thread reader;

    /** An input fed by {@link #offer} only (tests, or a reader started with {@link #startReading}). */
    public LineInput(LineScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts a daemon thread that reads {@code line} until it fails or this input is closed. */
    public synchronized void startReading(SerialLine line) {
        if (reader != null) {
            throw new IllegalStateException("already reading");
        }
        reader = Thread.ofPlatform().daemon().name("line-reader-" + line.device()).start(() -> readLoop(line));
    }

    private void readLoop(SerialLine line) {
        byte[] buf = new byte[1024];
        try {
            while (!isClosed()) {
                int n = line.read(buf);
                if (n > 0) {
                    byte[] chunk = new byte[n];
                    System.arraycopy(buf, 0, chunk, 0, n);
                    offer(chunk);
                }
            }
        } catch (IOException e) {
            LOG.warn("serial device {} failed: {}", line.device(), e.getMessage());
            close();
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Bytes from the line. */
    public void offer(byte[] chunk) {
        Consumer<byte[]> target;
        synchronized (this) {
            if (closed) {
                return;
            }
            target = diverted;
            if (target == null) {
                for (byte b : chunk) {
                    if (buffer.size() >= MAX_BUFFERED) {
                        buffer.pollFirst();
                    }
                    buffer.addLast(b);
                }
                notifyAll();
                return;
            }
        }
        target.accept(chunk);
    }

    /**
     * Reads one byte.
     *
     * @param timeout how long to wait (scheduler time); null waits for ever
     * @return the byte (0..255), {@link #TIMEOUT} or {@link #EOF}
     */
    public int read(Duration timeout) throws InterruptedException {
        LineScheduler.Cancellable wakeup = null;
        long token;
        synchronized (this) {
            if (!buffer.isEmpty()) {
                return buffer.pollFirst() & 0xff;
            }
            if (closed) {
                return EOF;
            }
            token = ++readToken;
        }
        if (timeout != null) {
            wakeup = scheduler.schedule(timeout, () -> expire(token));
        }
        try {
            synchronized (this) {
                while (buffer.isEmpty() && !closed && expiredToken != token) {
                    wait();
                }
                if (!buffer.isEmpty()) {
                    return buffer.pollFirst() & 0xff;
                }
                return closed ? EOF : TIMEOUT;
            }
        } finally {
            if (wakeup != null) {
                wakeup.cancel();
            }
        }
    }

    private synchronized void expire(long token) {
        expiredToken = token;
        notifyAll();
    }

    /** Makes a read blocked right now return {@link #TIMEOUT} at once (used to end a call's input). */
    public synchronized void kick() {
        expiredToken = readToken;
        notifyAll();
    }

    /** Puts {@code b} back in front of the buffered input. */
    public synchronized void unread(int b) {
        buffer.addFirst((byte) b);
        notifyAll();
    }

    /** Drops everything buffered (stale modem output before a new dialogue). */
    public synchronized void discard() {
        buffer.clear();
    }

    /** Sends buffered and future input to {@code consumer} until {@link #undivert}. */
    public void divert(Consumer<byte[]> consumer) {
        byte[] pending;
        synchronized (this) {
            diverted = consumer;
            pending = new byte[buffer.size()];
            int i = 0;
            for (Byte b : buffer) {
                pending[i++] = b;
            }
            buffer.clear();
        }
        if (pending.length > 0) {
            consumer.accept(pending);
        }
    }

    public synchronized void undivert() {
        diverted = null;
    }

    /** Ends input: blocked and later reads return {@link #EOF}. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
