package org.tollgate.lines.callback;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An authenticated call on a modem line, handed to the {@link ExecSessionLauncher}.
 *
 * @param lineNumber the absolute IOS line number (e.g. 71 for {@code aux 0} after {@code line 65 70})
 * @param lineName   the IOS line name, e.g. {@code aux 0} or {@code tty 65}
 * @param user       the authenticated user name
 * @param location   where the caller is: the callback number, or {@code async} for a dial-in
 * @param input      the caller's keystrokes; end of stream when the carrier drops or the line is cleared
 * @param output     to the caller's terminal
 */
public record ModemSession(int lineNumber, String lineName, String user, String location, InputStream input,
                           OutputStream output) {
    public ModemSession {
        Objects.requireNonNull(lineName);
        Objects.requireNonNull(user);
        Objects.requireNonNull(location);
        Objects.requireNonNull(input);
        Objects.requireNonNull(output);
    }
}
