package org.tollgate.harness.modem;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An {@link EmulatedModem} sitting on the modem end of a {@link SocatPtyPair}: a virtual thread reads the
 * pty and feeds the modem; the modem's output is written to the pty. The other end ({@link #devicePath()})
 * is what the gateway (or the test's terminal) opens.
 */
public final class PtyModem implements AutoCloseable {

    private final EmulatedModem modem;
    private final SocatPtyPair pty;
    private final InputStream in;
    private final OutputStream out;
    private final Thread reader;

    PtyModem(EmulatedModem modem, SocatPtyPair pty) throws IOException {
        this.modem = modem;
        this.pty = pty;
        this.in = new FileInputStream(pty.modemEnd().toFile());
        this.out = new FileOutputStream(pty.modemEnd().toFile());
        modem.attach(this::write);
        this.reader = Thread.ofPlatform().daemon().name("pty-modem-" + modem.number()).start(this::readLoop);
    }

    private void write(byte[] data) {
        try {
            synchronized (out) {
                out.write(data);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readLoop() {
        byte[] buf = new byte[512];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    byte[] chunk = new byte[n];
                    System.arraycopy(buf, 0, chunk, 0, n);
                    modem.fromDte(chunk);
                }
            }
        } catch (IOException e) {
            // pty closed
        }
    }

    public EmulatedModem modem() {
        return modem;
    }

    /** The path the terminal side opens, e.g. with jSerialComm {@code SerialPort.getCommPort(path)}. */
    public Path devicePath() {
        return pty.dteEnd();
    }

    @Override
    public void close() {
        pty.close();
        try {
            in.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            out.close();
        } catch (IOException e) {
            // already gone
        }
        reader.interrupt();
    }
}
