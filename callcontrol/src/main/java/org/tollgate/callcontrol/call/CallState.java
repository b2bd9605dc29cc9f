package org.tollgate.callcontrol.call;

import java.time.Instant;

import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.record.ReleaseSource;

/**
 * The states of a call. Each record holds only what that state needs; what every state needs
 * is in {@link CallData}. Transitions are in {@link CallMachine}.
 */
public sealed interface CallState {
    CallData data();

    /**
     * Collecting the called number from the incoming leg (dial tone until the first digit;
     * inter-digit timer running). Next: {@link Authorizing}, {@link OutgoingSetup}, {@link Released}.
     */
    record CollectingDigits(CallData data, String digits) implements CallState {
    }

    /**
     * Waiting for authorization step {@code seq} (FAC) for {@code hunt.current()}; caller digits are
     * forwarded to it. Next: {@link OutgoingSetup} (success), {@link Authorizing} (failure, next
     * peer needs FAC too), {@link Released}.
     */
    record Authorizing(CallData data, Hunt hunt, int seq) implements CallState {
    }

    /**
     * Outgoing leg {@code out} offered to {@code hunt.current()}; no-answer timer running.
     * Next: {@link Alerting}, {@link Connected}, {@link Authorizing} / {@link OutgoingSetup}
     * (hunting after a failure), {@link Released}.
     */
    record OutgoingSetup(CallData data, Hunt hunt, LegId out) implements CallState {
    }

    /**
     * Leg {@code out} is alerting; the caller hears ringback. Next: {@link Connected}, hunting
     * states after a failure or no answer, {@link Released}.
     */
    record Alerting(CallData data, Hunt hunt, LegId out) implements CallState {
    }

    /** Incoming leg and {@code out} are connected since {@code connectedAt}. Next: {@link Released}. */
    record Connected(CallData data, Hunt hunt, LegId out, Instant connectedAt) implements CallState {
    }

    /**
     * The caller dialled a feature code or feature number ({@code request}); the engine's feature
     * service carries it out. Next: {@link CollectingDigits} (done, e.g. a forward set: dial tone
     * again), {@link Released} (failed; or the incoming leg moved to another call, e.g. pickup).
     */
    record FeatureWait(CallData data, org.tollgate.callcontrol.feature.FeatureRequest request) implements CallState {
    }

    /**
     * Connected call in which {@code flasher} (either leg) pressed hook flash: the parties are
     * unbridged, the flasher hears dial tone and dials {@code digits} (a number: blind transfer of
     * the other party to it, as CME {@code transfer-system full-blind}; {@code **6}: park the other
     * party). Next: {@link Connected} (flash again, or invalid code), {@link Released}
     * (transfer/park handed over, or a hang-up).
     */
    record FlashDialing(CallData data, Hunt hunt, LegId out, Instant connectedAt, LegId flasher, String digits)
            implements CallState {
    }

    /** Final state: the call ended with {@code cause}, released by {@code source}. No next state. */
    record Released(CallData data, Q850Cause cause, ReleaseSource source) implements CallState {
    }
}
