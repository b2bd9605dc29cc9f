package org.tollgate.lines.modem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Finds the modem's {@code CR LF NO CARRIER CR LF} in a data stream, so the line knows the far end hung up
 * when it has no DCD. Bytes are passed on at once, except a run that could still become
 * {@code LF NO CARRIER}: that is held until it either completes (carrier lost, the held bytes are dropped)
 * or turns out to be ordinary data (the held bytes are released). A user's CR is never held.
 */
public final class CarrierWatch {

    private static final byte[] PATTERN = "\nNO CARRIER".getBytes(StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean lost;

    /** Feeds bytes; returns the bytes that may be passed to the session now. */
    public byte[] filter(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : data) {
            if (lost) {
                break;
            }
            held.write(b);
            byte[] h = held.toByteArray();
            if (isPrefix(h)) {
                if (h.length == PATTERN.length) {
                    lost = true;
                    held.reset();
                }
                continue;
            }
            // not a prefix: release the first byte and rescan the rest
            held.reset();
            out.write(h[0]);
            for (int i = 1; i < h.length; i++) {
                byte[] rest = java.util.Arrays.copyOfRange(h, i, h.length);
                if (isPrefix(rest)) {
                    held.write(rest, 0, rest.length);
                    break;
                }
                out.write(h[i]);
            }
        }
        return out.toByteArray();
    }

    private static boolean isPrefix(byte[] h) {
        if (h.length > PATTERN.length) {
            return false;
        }
        for (int i = 0; i < h.length; i++) {
            if (h[i] != PATTERN[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code NO CARRIER} was seen. */
    public boolean carrierLost() {
        return lost;
    }
}
