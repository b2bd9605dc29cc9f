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

    /** Events nobody listens to (a leg held for an owner yet to come). */
    LegEvents IGNORED = onlyRelease(cause -> { });

    /**
     * Events of a leg whose owner only cares about it going away (a parked party, a conference
     * party, a caller waiting for a parallel hunt): {@code onRelease} gets the cause, digits,
     * alerting, answer and flash are ignored.
     */
    static LegEvents onlyRelease(java.util.function.Consumer<Q850Cause> onRelease) {
        return new LegEvents() {
            @Override
            public void digits(String digits) {
            }

            @Override
            public void alerting() {
            }

            @Override
            public void answered() {
            }

            @Override
            public void released(Q850Cause cause) {
                onRelease.accept(cause);
            }

            @Override
            public void flash() {
            }
        };
    }
}
