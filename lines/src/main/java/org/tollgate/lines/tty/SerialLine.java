package org.tollgate.lines.tty;

import java.io.IOException;

/**
 * A serial port as the line service needs it. Production: {@link JSerialCommLine}; tests may plug in a
 * fake. Reading is done by {@link LineInput}'s reader thread through {@link #read}.
 */
public interface SerialLine extends AutoCloseable {

    /** The device path, e.g. {@code /dev/ttyUSB0} or a pseudo-terminal. */
    String device();

    void write(byte[] data) throws IOException;

    /**
     * Reads available bytes, waiting at most a short poll interval.
     *
     * @return bytes read, 0 when none arrived in the interval
     * @throws IOException when the port is gone
     */
    int read(byte[] buffer) throws IOException;

    /** Sends a BREAK of about 250 ms. */
    void sendBreak() throws IOException;

    /**
     * Raises or drops DTR.
     *
     * @return false when the port has no DTR (pseudo-terminals, some USB adapters)
     */
    boolean setDtr(boolean on);

    /**
     * The DCD (carrier detect) input, where the port has modem control lines and the line is set to use
     * them ({@link SerialSettings#useControlLines()}).
     *
     * @return 1 carrier, 0 no carrier, -1 unknown
     */
    int carrierDetect();

    @Override
    void close();
}
