package org.tollgate.callcontrol.engine;

import org.tollgate.callcontrol.cause.Q850Cause;

/**
 * How a call's setup ended (see {@link CallControl#outcome}): answered, or released before answer.
 * The SIP edge reports it to a transferor as the final {@code message/sipfrag} of its REFER
 * (RFC 3515 section 2.4.5).
 */
public sealed interface CallOutcome {
    /** The called party answered (the call reached {@code Connected}, possibly already at its start). */
    record Answered() implements CallOutcome {
    }

    /** The call was released before it was ever connected, with {@code cause} (busy, no answer, LPCOR block ...). */
    record Failed(Q850Cause cause) implements CallOutcome {
    }
}
