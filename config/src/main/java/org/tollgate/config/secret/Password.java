package org.tollgate.config.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password whose clear text the gateway keeps (IOS {@code password 0 X} or {@code password 7 HEX},
 * also RADIUS keys and line passwords). Two passwords are equal when their clear texts are equal,
 * whichever type they were entered with; the printer chooses type 0 or 7 from
 * {@code service password-encryption}.
 *
 * <p>{@link #toString()} never reveals the value; {@link #reveal()} is for the few consumers that
 * must send it (RADIUS shared secret, printing the configuration).
 */
public final class Password implements Secret {
    private final String clear;

    private Password(String clear) {
        this.clear = Objects.requireNonNull(clear, "clear");
    }

    /** A password from its clear text (IOS type 0). */
    public static Password ofClear(String clear) {
        return new Password(clear);
    }

    /** The clear text. Never log it. */
    public String reveal() {
        return clear;
    }

    /** The IOS type 7 form with the deterministic salt of {@link Type7#encode(String)}. */
    public String type7() {
        return Type7.encode(clear);
    }

    @Override
    public boolean matches(String attempt) {
        if (attempt == null) {
            return false;
        }
        return MessageDigest.isEqual(clear.getBytes(StandardCharsets.UTF_8), attempt.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Password p && MessageDigest.isEqual(
                clear.getBytes(StandardCharsets.UTF_8), p.clear.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return clear.hashCode();
    }

    @Override
    public String toString() {
        return "Password[******]";
    }
}
