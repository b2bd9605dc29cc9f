package org.tollgate.cdr.record;

import java.util.Locale;
import java.util.UUID;

/**
 * The 128-bit conference / connection id shared by every leg of one call (IOS {@code ConnectionId},
 * RADIUS {@code h323-conf-id}). Made from a UUID with 74 random bits (by default a time-ordered
 * one, {@link TimeOrderedUuids}), so it stays unique across restarts and across gateways sharing one
 * database.
 */
public record ConnectionId(int w0, int w1, int w2, int w3) {

    /** The id made from {@code uuid}'s 128 bits, most significant word first. */
    public static ConnectionId of(UUID uuid) {
        long hi = uuid.getMostSignificantBits();
        long lo = uuid.getLeastSignificantBits();
        return new ConnectionId((int) (hi >>> 32), (int) hi, (int) (lo >>> 32), (int) lo);
    }

    /** Parses {@link #compact()}. */
    public static ConnectionId parse(String compact) {
        if (compact.length() != 32) {
            throw new IllegalArgumentException("connection id must be 32 hex digits: " + compact);
        }
        return new ConnectionId(Integer.parseUnsignedInt(compact.substring(0, 8), 16),
                Integer.parseUnsignedInt(compact.substring(8, 16), 16),
                Integer.parseUnsignedInt(compact.substring(16, 24), 16),
                Integer.parseUnsignedInt(compact.substring(24, 32), 16));
    }

    /** 32 upper-case hex digits: the database key and the RADIUS {@code Acct-Session-Id} base. */
    public String compact() {
        char[] c = new char[32];
        hex8(c, 0, w0);
        hex8(c, 8, w1);
        hex8(c, 16, w2);
        hex8(c, 24, w3);
        return new String(c);
    }

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private static void hex8(char[] out, int at, int w) {
        for (int i = 7; i >= 0; i--) {
            out[at + i] = DIGITS[w & 0xF];
            w >>>= 4;
        }
    }

    /** {@code [0xA0DC41CF 0x115511D9 0x8002EC82 0xAB4FD5BE]} as {@code show call} prints it. */
    public String showForm() {
        return String.format(Locale.ROOT, "[0x%08X 0x%08X 0x%08X 0x%08X]", w0, w1, w2, w3);
    }

    /** {@code BA55719E F8C10015 0 1B1E08}: words without leading zeros, as IOS syslog prints them. */
    public String syslogForm() {
        return hex(w0) + " " + hex(w1) + " " + hex(w2) + " " + hex(w3);
    }

    /** {@code A0DC41CF 115511D9 8002EC82 AB4FD5BE} as the {@code h323-conf-id} VSA carries it. */
    public String radiusForm() {
        return String.format(Locale.ROOT, "%08X %08X %08X %08X", w0, w1, w2, w3);
    }

    private static String hex(int w) {
        return Integer.toHexString(w).toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return compact();
    }
}
