package org.tollgate.callcontrol.leg;

import org.tollgate.callcontrol.cause.Q850Cause;

/**
 * What a leg reports to its call. Thread-safe: any thread may call these; the call processes
 * them one at a time in order.
 */
public interface LegEvents {
    /** Digits dialled by the leg's user (in-band DTMF, RFC 4733, SIP INFO ... already decoded). */
    void digits(String digits);

    /** The far end is alerting (ringing / 180). */
    void alerting();

    /** The far end answered (off-hook / 200). */
    void answered();

    /** The leg is gone (on-hook / BYE / failure) with {@code cause}. */
    void released(Q850Cause cause);

    /** Hook flash (analog) or its equivalent. */
    void flash();
}
