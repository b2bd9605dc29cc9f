package org.tollgate.aaa.authpkg;

/** The FAC status kept on the call and written as {@code fac-status} (spec fac-lpcor §5). */
public enum FacStatus {
    SUCCESS("success"),
    FAILURE("failure"),
    ABORT("abort"),
    TIMEOUT("timeout");

    private final String text;

    FacStatus(String text) {
        this.text = text;
    }

    /** The lower-case word used in records and {@code show} output. */
    public String text() {
        return text;
    }
}
