package org.tollgate.config.secret;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The IOS "type 7" password obfuscation: a Vigenère-like XOR with a fixed, publicly known key.
 * This is NOT encryption: anyone can decode it, exactly like IOS. It exists so that printed
 * configurations do not show passwords in the clear to shoulder-surfers.
 *
 * <p>Format: two decimal digits of salt (an offset 0..15 into the key), then for each character of
 * the clear text two upper-case hex digits of {@code char XOR key[(salt + i) % key.length]}.
 */
public final class Type7 {
    private static final String KEY = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";
    private static final int MAX_SALT = 15;

    private Type7() {
    }

    /**
     * Encodes with a deterministic salt derived from the clear text (so that printing the same
     * configuration twice gives the same text).
     */
    public static String encode(String clear) {
        return encode(clear, Math.floorMod(clear.hashCode(), MAX_SALT + 1));
    }

    /** Encodes with the given salt (0..15). */
    public static String encode(String clear, int salt) {
        if (salt < 0 || salt > MAX_SALT) {
            throw new IllegalArgumentException("type 7 salt must be 0..15: " + salt);
        }
        StringBuilder out = new StringBuilder(2 + clear.length() * 2);
        out.append(String.format("%02d", salt));
        for (int i = 0; i < clear.length(); i++) {
            int c = clear.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("type 7 only encodes 8-bit characters");
            }
            int x = c ^ KEY.charAt((salt + i) % KEY.length());
            out.append(String.format("%02X", x));
        }
        return out.toString();
    }

    /** Decodes a type 7 string; empty when it is not well formed (odd length, bad salt or hex). */
    public static Optional<String> decode(String encoded) {
        if (encoded == null || encoded.length() < 2 || encoded.length() % 2 != 0) {
            return Optional.empty();
        }
        if (!Character.isDigit(encoded.charAt(0)) || !Character.isDigit(encoded.charAt(1))) {
            return Optional.empty();
        }
        int salt = Integer.parseInt(encoded.substring(0, 2));
        if (salt > MAX_SALT) {
            return Optional.empty();
        }
        String hex = encoded.substring(2);
        if (!hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            return Optional.empty();
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        StringBuilder out = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            out.append((char) ((bytes[i] & 0xFF) ^ KEY.charAt((salt + i) % KEY.length())));
        }
        return Optional.of(out.toString());
    }
}
