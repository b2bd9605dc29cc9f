package org.tollgate.callcontrol.call;

import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.cause.Q850Cause;

/** Inputs of the call state machine: leg signals, timers, and authorization results. */
public sealed interface CallEvent {
    /** Digits from leg {@code leg}. */
    record Digits(LegId leg, String digits) implements CallEvent {
    }

    /** Leg {@code leg} (outgoing) is alerting. */
    record LegAlerting(LegId leg) implements CallEvent {
    }

    /** Leg {@code leg} (outgoing) answered. */
    record LegAnswered(LegId leg) implements CallEvent {
    }

    /** Leg {@code leg} is gone with {@code cause} (hang-up, refusal, failure to create). */
    record LegReleased(LegId leg, Q850Cause cause) implements CallEvent {
    }

    /** Hook flash on leg {@code leg}. */
    record HookFlash(LegId leg) implements CallEvent {
    }

    /** A timer started by the machine expired (stale timers are dropped by the engine). */
    record TimerExpired(CallTimer timer) implements CallEvent {
    }

    /** The operator or the gateway clears the call ({@code clear call voice}) with {@code cause}. */
    record Clear(org.tollgate.callcontrol.cause.Q850Cause cause) implements CallEvent {
    }

    /** The feature request of {@link CallState.FeatureWait} was carried out; {@code failure} when it could not be. */
    record FeatureDone(java.util.Optional<org.tollgate.callcontrol.cause.Q850Cause> failure) implements CallEvent {
    }

    /** Authorization step {@code seq} ended. */
    record AuthorizationDone(int seq, AuthorizationResult result) implements CallEvent {
    }
}
