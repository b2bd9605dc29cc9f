package org.tollgate.callcontrol.record;

/** Who ended a call (IOS {@code ReleaseSource}). */
public enum ReleaseSource {
    /** The calling party (incoming leg) hung up. */
    CALLING_PARTY,
    /** The called party (outgoing leg) hung up or refused. */
    CALLED_PARTY,
    /** The gateway itself (no route, LPCOR block, FAC failure, timer). */
    GATEWAY
}
