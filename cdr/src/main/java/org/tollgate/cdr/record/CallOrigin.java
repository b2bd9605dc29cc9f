package org.tollgate.cdr.record;

/** IOS {@code CallOrigin}: 2 for the leg the gateway answered (incoming), 1 for a leg it originated. */
public enum CallOrigin {
    ORIGINATE(1, "originate"),
    ANSWER(2, "answer");

    private final int code;
    private final String radiusName;

    CallOrigin(int code, String radiusName) {
        this.code = code;
        this.radiusName = radiusName;
    }

    /** The number printed in {@code show call} and the CSV / syslog records. */
    public int code() {
        return code;
    }

    /** {@code h323-call-origin} value. */
    public String radiusName() {
        return radiusName;
    }
}
