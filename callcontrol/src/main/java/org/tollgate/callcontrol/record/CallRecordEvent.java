package org.tollgate.callcontrol.record;

import java.time.Instant;
import java.util.Optional;

import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;

/**
 * Immutable facts about a call, one per state change, in order, for the {@code cdr} module
 * (and {@code show call active/history voice}). CDRs are folded from these events only.
 * Every event carries the call, the time it happened (call control's injected clock) and is
 * emitted from the call's serial context, so per call they arrive in order.
 */
public sealed interface CallRecordEvent {
    CallRef call();

    Instant at();

    /**
     * A call started on incoming leg {@code leg} from endpoint {@code endpoint} (e.g. {@code 0/1/0}).
     * {@code calledNumber} is empty when digits are still to be collected.
     */
    record Setup(CallRef call, Instant at, LegId leg, String endpoint, String callingNumber,
                 String callingName, String calledNumber, Optional<String> lpcorIncomingGroup)
            implements CallRecordEvent {
    }

    /** Collection ended with {@code calledNumber}, matching dial-peers tried in this order. */
    record DigitsCollected(CallRef call, Instant at, String calledNumber, java.util.List<Integer> candidateTags)
            implements CallRecordEvent {
        public DigitsCollected {
            candidateTags = java.util.List.copyOf(candidateTags);
        }
    }

    /**
     * An outgoing attempt: leg {@code leg} towards dial-peer {@code dialPeerTag}.
     * {@code lpcorIn} is the caller's incoming group, {@code lpcorOut} the callee's outgoing group.
     */
    record Routed(CallRef call, Instant at, LegId leg, int dialPeerTag, String calledNumber, String target,
                  Optional<String> lpcorIn, Optional<String> lpcorOut) implements CallRecordEvent {
    }

    /** One dial-peer failed ({@code reason} e.g. "user busy", "lpcor reject", "fac failure"); hunting may go on. */
    record AttemptFailed(CallRef call, Instant at, int dialPeerTag, Optional<LegId> leg, Q850Cause cause,
                         String reason) implements CallRecordEvent {
    }

    /** The destination's LPCOR policy {@code policy} demands a FAC for dial-peer {@code dialPeerTag}: the authorization step starts. */
    record AuthorizationStarted(CallRef call, Instant at, int dialPeerTag, String policy) implements CallRecordEvent {
    }

    /** The result of an authorization step for dial-peer {@code dialPeerTag}. {@code facDigits} never holds a password. */
    record FacResult(CallRef call, Instant at, int dialPeerTag, FacStatus status, String facDigits)
            implements CallRecordEvent {
    }

    /** The outgoing leg is alerting. */
    record Alerting(CallRef call, Instant at, LegId leg) implements CallRecordEvent {
    }

    /** The call is connected between {@code incoming} and {@code outgoing} through {@code dialPeerTag}. */
    record Connected(CallRef call, Instant at, LegId incoming, LegId outgoing, int dialPeerTag)
            implements CallRecordEvent {
    }

    /**
     * The call ended with {@code cause}; {@code source} says who released it. {@code outgoing} is
     * the last outgoing leg if any was created; {@code media} holds the media counters of the legs
     * still bound at the end that report any (SIP RTP streams, analog ports' 20 ms frames).
     */
    record Released(CallRef call, Instant at, Q850Cause cause, ReleaseSource source, LegId incoming,
                    Optional<LegId> outgoing, java.util.Map<LegId, org.tollgate.callcontrol.media.MediaCounters> media)
            implements CallRecordEvent {
        public Released {
            media = java.util.Map.copyOf(media);
        }

        /** Without media counters (the state machine's form; the engine adds the legs' counters). */
        public Released(CallRef call, Instant at, Q850Cause cause, ReleaseSource source, LegId incoming,
                        Optional<LegId> outgoing) {
            this(call, at, cause, source, incoming, outgoing, java.util.Map.of());
        }

        /** This event with the legs' media counters. */
        public Released withMedia(java.util.Map<LegId, org.tollgate.callcontrol.media.MediaCounters> counters) {
            return new Released(call, at, cause, source, incoming, outgoing, counters);
        }
    }
}
