package org.tollgate.callcontrol.call;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What every state of one call knows: its identity, caller, start time, the FAC it already
 * holds (a valid code is reused when hunting, FAC/LPCOR spec section 2 step 4), and counters
 * for the next outgoing leg and authorization step.
 *
 * <p>The FAC status belongs to this call's incoming leg: a call-forward inside the call keeps it,
 * a new call (a transfer, a SIP-NOTIFY-triggered call) starts without one and asks again.
 * {@code facExempt}: calls made by features that never invoke FAC (park recall, SNR, 3pcc,
 * parallel hunt, whisper intercom; spec section 6) treat {@code accept G fac} as {@code accept G}.
 * {@code forwardHops} counts the call-forwards followed (loop guard).
 */
public record CallData(CallRef ref, Caller caller, Instant setupAt, Optional<String> validFac,
                       int nextLegIndex, int authSeq, boolean facExempt, int forwardHops) {
    /** Without feature fields (not FAC-exempt, no forward yet). */
    public CallData(CallRef ref, Caller caller, Instant setupAt, Optional<String> validFac, int nextLegIndex,
                    int authSeq) {
        this(ref, caller, setupAt, validFac, nextLegIndex, authSeq, false, 0);
    }

    public CallData {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(setupAt, "setupAt");
        Objects.requireNonNull(validFac, "validFac");
    }

    /** A new call: no FAC yet, first outgoing leg will be leg 2. */
    public static CallData start(CallRef ref, Caller caller, Instant at) {
        return new CallData(ref, caller, at, Optional.empty(), 2, 0);
    }

    public LegId incomingLeg() {
        return LegId.incoming(ref);
    }

    /** Allocates the next outgoing leg id; returns the new data. */
    public CallData withLegAllocated() {
        return new CallData(ref, caller, setupAt, validFac, nextLegIndex + 1, authSeq, facExempt, forwardHops);
    }

    public CallData withAuthStarted() {
        return new CallData(ref, caller, setupAt, validFac, nextLegIndex, authSeq + 1, facExempt, forwardHops);
    }

    public CallData withFac(String digits) {
        return new CallData(ref, caller, setupAt, Optional.of(digits), nextLegIndex, authSeq, facExempt, forwardHops);
    }

    /** This call never invokes FAC (a feature-originated call, spec section 6). */
    public CallData withFacExempt() {
        return new CallData(ref, caller, setupAt, validFac, nextLegIndex, authSeq, true, forwardHops);
    }

    /** One more call-forward followed. */
    public CallData withForwardHop() {
        return new CallData(ref, caller, setupAt, validFac, nextLegIndex, authSeq, facExempt, forwardHops + 1);
    }
}
