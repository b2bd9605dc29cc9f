package org.tollgate.harness.modem;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A test's terminal on the DTE end of a modem's pty (the HyperTerminal of the seed): types keys and records
 * every byte it receives, for byte-exact transcripts. {@link #await} waits for text with a generous bound
 * (a synchronisation point, not a timing assertion).
 */
public final class PtyTerminal implements AutoCloseable {

    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;
    private int mark;

    public PtyTerminal(Path device) throws IOException {
        this.in = new FileInputStream(device.toFile());
        this.out = new FileOutputStream(device.toFile());
        this.reader = Thread.ofPlatform().daemon().name("pty-terminal").start(this::readLoop);
    }

    private void readLoop() {
        byte[] buf = new byte[512];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (received) {
                    received.write(buf, 0, n);
                    received.notifyAll();
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Types {@code keys} (ISO-8859-1). */
    public void type(String keys) throws IOException {
        out.write(keys.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Everything received so far. */
    public byte[] transcript() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** The transcript as ISO-8859-1 text. */
    public String text() {
        return new String(transcript(), StandardCharsets.ISO_8859_1);
    }

    /** Forgets the transcript so far (between scenarios on one bench). */
    public void clear() {
        synchronized (received) {
            received.reset();
            mark = 0;
        }
    }

    /**
     * Waits until {@code text} arrives after the previous awaited text; then later awaits search after it.
     *
     * @throws TimeoutException with the transcript so far when it does not arrive within {@code limit}
     */
    public void await(String text, Duration limit) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (received) {
            while (true) {
                String all = received.toString(StandardCharsets.ISO_8859_1);
                int at = all.indexOf(text, mark);
                if (at >= 0) {
                    mark = at + text.length();
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("no '" + escape(text) + "' in '" + escape(all) + "'");
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Shows control characters as escapes, for failure messages. */
    public static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // gone
        }
        try {
            out.close();
        } catch (IOException e) {
            // gone
        }
        reader.interrupt();
    }
}
