package org.tollgate.callcontrol.routing;

/** Where a dial-peer sends a call. */
public sealed interface DialPeerTarget {
    /** {@code dial-peer voice N pots} with {@code port X/Y/Z}. */
    record Pots(String port) implements DialPeerTarget {
    }

    /** {@code dial-peer voice N voip} with {@code session target ipv4:A[:P]} (empty when not configured). */
    record Voip(String sessionTarget) implements DialPeerTarget {
    }

    /**
     * A phone line of the gateway itself: an {@code ephone-dn} or {@code voice register dn}
     * {@code number}, on endpoint {@code endpoint} ({@code ephone 102}, {@code voice register pool 1}).
     * Such peers are implicit, as CME creates them (tags from {@code 20001} for ephone-dns and
     * {@code 40001} for voice register dns).
     */
    record Line(String number, String endpoint) implements DialPeerTarget {
    }
}
