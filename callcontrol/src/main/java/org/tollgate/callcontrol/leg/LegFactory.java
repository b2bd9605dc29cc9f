package org.tollgate.callcontrol.leg;

import org.tollgate.callcontrol.cause.Q850Cause;

/**
 * Creates outgoing legs for dial-peers: call control owns the pots one (analog voice-ports); the
 * gateway supplies the voip one (SIP). {@link #create} must not block: the leg reports progress
 * (alerting, answered, released) later through {@code events}.
 */
@FunctionalInterface
public interface LegFactory {
    /** Result of {@link #create}. */
    sealed interface Creation {
    }

    /** The leg exists; call control will send it {@link LegCommand.Offer}. */
    record Created(LegSignaling leg) implements Creation {
    }

    /** The leg could not be created (port busy, no SIP stack, bad target): hunt with {@code cause}. */
    record Failed(Q850Cause cause, String reason) implements Creation {
    }

    Creation create(OutgoingLegRequest request, LegEvents events);

    /**
     * A factory that sends pots peers to {@code pots} and voip peers and phone lines
     * ({@code ephone-dn} / {@code voice register dn}, reached over SIP in tollgate) to {@code voip}.
     */
    static LegFactory byKind(LegFactory pots, LegFactory voip) {
        return byKind(pots, voip, voip);
    }

    /** A factory that sends pots peers to {@code pots}, voip peers to {@code voip}, phone lines to {@code lines}. */
    static LegFactory byKind(LegFactory pots, LegFactory voip, LegFactory lines) {
        return (req, ev) -> switch (req.peer().target()) {
            case org.tollgate.callcontrol.routing.DialPeerTarget.Pots p -> pots.create(req, ev);
            case org.tollgate.callcontrol.routing.DialPeerTarget.Voip v -> voip.create(req, ev);
            case org.tollgate.callcontrol.routing.DialPeerTarget.Line l -> lines.create(req, ev);
        };
    }

    /** A factory for a leg kind that is not available: every request fails with {@code cause}. */
    static LegFactory unavailable(Q850Cause cause, String reason) {
        return (req, ev) -> new Failed(cause, reason);
    }
}
