package org.tollgate.cdr.record;

/**
 * How far a leg got (IOS {@code CallState}): 2 connecting (set up, not alerting), 3 alerting
 * (IOS "connected" in the sense of the signalling path), 4 active (answered).
 */
public enum LegProgress {
    CONNECTING(2),
    ALERTING(3),
    ACTIVE(4);

    private final int code;

    LegProgress(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
