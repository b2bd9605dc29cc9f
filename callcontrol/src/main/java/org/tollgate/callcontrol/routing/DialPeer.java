package org.tollgate.callcontrol.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * An outbound {@code dial-peer voice TAG pots|voip} as routing sees it.
 *
 * @param tag the dial-peer tag (1..2147483647)
 * @param pattern its {@code destination-pattern}
 * @param target the port (pots) or session target (voip)
 * @param preference {@code preference 0-10}, default 0; lower is tried first among equal matches
 * @param huntstop {@code huntstop}: when a call to this peer fails, do not try further peers
 * @param lpcorIncoming {@code lpcor incoming G}: group of calls arriving through this peer
 * @param lpcorOutgoing {@code lpcor outgoing G}: group whose policy applies to calls sent to this peer
 */
public record DialPeer(int tag, DestinationPattern pattern, DialPeerTarget target, int preference,
                       boolean huntstop, Optional<String> lpcorIncoming, Optional<String> lpcorOutgoing) {
    /** Default {@code preference}. */
    public static final int DEFAULT_PREFERENCE = 0;

    public DialPeer {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(lpcorIncoming, "lpcorIncoming");
        Objects.requireNonNull(lpcorOutgoing, "lpcorOutgoing");
        if (tag < 1) {
            throw new IllegalArgumentException("dial-peer tag " + tag + " < 1");
        }
        if (preference < 0 || preference > 10) {
            throw new IllegalArgumentException("preference " + preference + " outside 0..10");
        }
    }

    /** A pots peer with default preference, no huntstop, no LPCOR groups. */
    public static DialPeer pots(int tag, String pattern, String port) {
        return new DialPeer(tag, DestinationPattern.of(pattern), new DialPeerTarget.Pots(port),
                DEFAULT_PREFERENCE, false, Optional.empty(), Optional.empty());
    }

    /** A voip peer with default preference, no huntstop, no LPCOR groups. */
    public static DialPeer voip(int tag, String pattern, String sessionTarget) {
        return new DialPeer(tag, DestinationPattern.of(pattern), new DialPeerTarget.Voip(sessionTarget),
                DEFAULT_PREFERENCE, false, Optional.empty(), Optional.empty());
    }

    public DialPeer withPreference(int p) {
        return new DialPeer(tag, pattern, target, p, huntstop, lpcorIncoming, lpcorOutgoing);
    }

    public DialPeer withHuntstop(boolean h) {
        return new DialPeer(tag, pattern, target, preference, h, lpcorIncoming, lpcorOutgoing);
    }

    public DialPeer withLpcor(Optional<String> incoming, Optional<String> outgoing) {
        return new DialPeer(tag, pattern, target, preference, huntstop, incoming, outgoing);
    }

    /** {@code pots} or {@code voip}. */
    public String kind() {
        return switch (target) {
            case DialPeerTarget.Pots p -> "pots";
            case DialPeerTarget.Voip v -> "voip";
            case DialPeerTarget.Line l -> "pots";
        };
    }
}
