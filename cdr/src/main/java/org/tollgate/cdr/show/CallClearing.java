package org.tollgate.cdr.show;

import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.cause.Q850Cause;

/**
 * Releases calls for {@code clear call voice}; the gateway implements it over call control (the
 * call ends through its state machine, so its STOP records come out as for any release).
 */
public interface CallClearing {
    /** Releases call {@code ref} with {@code cause}; false when no such call is active. */
    boolean clear(CallRef ref, Q850Cause cause);
}
