package org.tollgate.lines.modem;

import java.util.Locale;
import java.util.Optional;

/**
 * Hayes verbose result codes the line service acts on. Modem state is taken from these, since modem
 * control lines (DCD, DSR) are not available on every port.
 */
public enum ResultCode {
    OK, CONNECT, RING, NO_CARRIER, ERROR, NO_DIALTONE, BUSY, NO_ANSWER;

    /** The code a modem output line carries ({@code CONNECT 9600} is CONNECT); empty for anything else. */
    public static Optional<ResultCode> parse(String line) {
        String s = line.strip().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(switch (s) {
            case "OK" -> OK;
            case "RING" -> RING;
            case "NO CARRIER" -> NO_CARRIER;
            case "ERROR" -> ERROR;
            case "NO DIALTONE", "NO DIAL TONE" -> NO_DIALTONE;
            case "BUSY" -> BUSY;
            case "NO ANSWER" -> NO_ANSWER;
            default -> s.equals("CONNECT") || s.startsWith("CONNECT ") ? CONNECT : null;
        });
    }

    /** The text as the modem prints it. */
    public String text() {
        return name().replace('_', ' ');
    }
}
