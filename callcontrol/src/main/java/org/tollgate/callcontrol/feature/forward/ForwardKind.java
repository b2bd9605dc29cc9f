package org.tollgate.callcontrol.feature.forward;

/** The three call-forward conditions of a directory number (CME {@code call-forward all|busy|noan}). */
public enum ForwardKind {
    /** Every call to the number goes to the target without ringing it. */
    ALL("all"),
    /** Calls are forwarded when the number is busy (its attempt failed with cause 17). */
    BUSY("busy"),
    /** Calls are forwarded when the number does not answer within the forward timeout. */
    NO_ANSWER("noan");

    private final String keyword;

    ForwardKind(String keyword) {
        this.keyword = keyword;
    }

    /** The IOS keyword ({@code all}, {@code busy}, {@code noan}). */
    public String keyword() {
        return keyword;
    }

    /** The kind for an IOS keyword. */
    public static ForwardKind ofKeyword(String k) {
        for (ForwardKind f : values()) {
            if (f.keyword.equals(k)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown call-forward kind " + k);
    }
}
