package org.tollgate.callcontrol.call;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What every state of one call knows: its identity, caller, start time, the FAC it already
 * holds (a valid code is reused when hunting, FAC/LPCOR spec section 2 step 4), and counters
 * for the next outgoing leg and authorization step.
 */
public record CallData(CallRef ref, Caller caller, Instant setupAt, Optional<String> validFac,
                       int nextLegIndex, int authSeq) {
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
        return new CallData(ref, caller, setupAt, validFac, nextLegIndex + 1, authSeq);
    }

    public CallData withAuthStarted() {
        return new CallData(ref, caller, setupAt, validFac, nextLegIndex, authSeq + 1);
    }

    public CallData withFac(String digits) {
        return new CallData(ref, caller, setupAt, Optional.of(digits), nextLegIndex, authSeq);
    }
}
