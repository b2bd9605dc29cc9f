package org.tollgate.gateway.sip;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the SIP message path, for {@code show sip-ua statistics}-style output and tests.
 * All counters only grow.
 */
public final class SipServerStats {
    final AtomicLong requestsAccepted = new AtomicLong();
    final AtomicLong responsesAccepted = new AtomicLong();
    final AtomicLong rejectedByGuard = new AtomicLong();
    final AtomicLong droppedByGuard = new AtomicLong();
    final AtomicLong overloadRejected = new AtomicLong();

    /** Requests that passed the message guard and reached the transaction layer. */
    public long requestsAccepted() {
        return requestsAccepted.get();
    }

    /** Responses that parsed and passed the guard (stray or matched). */
    public long responsesAccepted() {
        return responsesAccepted.get();
    }

    /** Requests the guard answered with a 4xx/5xx itself. */
    public long rejectedByGuard() {
        return rejectedByGuard.get();
    }

    /** Messages the guard silently dropped. */
    public long droppedByGuard() {
        return droppedByGuard.get();
    }

    /** New INVITEs refused with 503 by overload control. */
    public long overloadRejected() {
        return overloadRejected.get();
    }

    @Override public String toString() {
        return "SipServerStats[requests=" + requestsAccepted() + ", responses=" + responsesAccepted() + ", rejected="
                + rejectedByGuard() + ", dropped=" + droppedByGuard() + ", overload=" + overloadRejected() + "]";
    }
}
