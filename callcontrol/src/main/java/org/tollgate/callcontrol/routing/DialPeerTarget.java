package org.tollgate.callcontrol.routing;

/** Where a dial-peer sends a call. */
public sealed interface DialPeerTarget {
    /** {@code dial-peer voice N pots} with {@code port X/Y/Z}. */
    record Pots(String port) implements DialPeerTarget {
    }

    /** {@code dial-peer voice N voip} with {@code session target ipv4:A[:P]} (empty when not configured). */
    record Voip(String sessionTarget) implements DialPeerTarget {
    }
}
