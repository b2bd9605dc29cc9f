package org.tollgate.callcontrol.lpcor;

import org.tollgate.callcontrol.cause.Q850Cause;

/** The outcome of checking one call (source group → destination group) against the LPCOR policies. */
public sealed interface LpcorDecision {
    /** The call may proceed. {@code reason} says why, for debug output. */
    record Accept(String reason) implements LpcorDecision {
    }

    /** The call may proceed only after the caller enters a valid FAC. */
    record RequireFac(String policy) implements LpcorDecision {
    }

    /** The call is blocked and released with {@code cause} ({@code voice lpcor call-block cause}). */
    record Reject(String policy, Q850Cause cause) implements LpcorDecision {
    }
}
