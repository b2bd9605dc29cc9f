package org.tollgate.config.voice;

import java.util.OptionalInt;

/**
 * {@code session target ipv4:A[:P]} of a VoIP dial-peer.
 *
 * @param address IPv4 address
 * @param port UDP/TCP port; empty = 5060
 */
public record SessionTarget(String address, OptionalInt port) {
    /** SIP default port. */
    public static final int DEFAULT_PORT = 5060;

    /** The effective port. */
    public int portOrDefault() {
        return port.orElse(DEFAULT_PORT);
    }

    /** IOS text, {@code ipv4:A[:P]}. */
    public String text() {
        return "ipv4:" + address + (port.isPresent() ? ":" + port.getAsInt() : "");
    }
}
