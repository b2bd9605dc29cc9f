package org.tollgate.lines.exec;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The byte streams and terminal facts an {@link ExecSession} runs over: a telnet connection, an
 * SSH shell channel, a modem line's serial port. The input must deliver keystrokes one at a time as
 * typed (character mode); the session echoes them itself.
 */
public interface ExecTerminal {
    InputStream input();

    OutputStream output();

    /** Columns (80 when unknown). */
    default int width() {
        return 80;
    }

    /** Rows (24 when unknown); the session's initial {@code terminal length}. */
    default int height() {
        return 24;
    }

    /** Where the peer is: an IP address, a phone number, or empty. */
    String location();

    /** Ends the connection (hang up, close the socket or channel). */
    void close();
}
