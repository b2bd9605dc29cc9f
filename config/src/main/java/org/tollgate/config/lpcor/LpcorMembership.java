package org.tollgate.config.lpcor;

import java.util.Optional;

/**
 * {@code lpcor incoming G} / {@code lpcor outgoing G} of an endpoint (voice-port, dial-peer, ephone,
 * SIP pool). The incoming group applies to calls arriving from the endpoint (it is the caller's
 * group); the outgoing group applies to calls sent to it (its policy decides).
 *
 * @param incoming group of calls coming from this endpoint
 * @param outgoing group whose policy governs calls going to this endpoint
 */
public record LpcorMembership(Optional<String> incoming, Optional<String> outgoing) {
    public static final LpcorMembership NONE = new LpcorMembership(Optional.empty(), Optional.empty());

    public LpcorMembership withIncoming(Optional<String> v) {
        return new LpcorMembership(v, outgoing);
    }

    public LpcorMembership withOutgoing(Optional<String> v) {
        return new LpcorMembership(incoming, v);
    }
}
