package org.tollgate.callcontrol.call;

/**
 * One leg of a call: {@code index} 1 is the incoming leg, 2.. the outgoing attempts in order.
 * Unique per gateway run together with {@code call}.
 */
public record LegId(CallRef call, int index) {
    /** The incoming leg of {@code call}. */
    public static LegId incoming(CallRef call) {
        return new LegId(call, 1);
    }

    public boolean isIncoming() {
        return index == 1;
    }

    @Override
    public String toString() {
        return call + "/leg-" + index;
    }
}
