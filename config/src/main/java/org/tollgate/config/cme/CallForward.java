package org.tollgate.config.cme;

import java.util.OptionalInt;

/**
 * {@code call-forward all|busy|noan NUMBER [timeout S]} of a directory number
 * (under {@code voice register dn}: {@code call-forward b2bua all|busy|noan ...}).
 *
 * @param kind {@code all}, {@code busy} or {@code noan}
 * @param number target number
 * @param timeoutSeconds {@code timeout 3..60000} (noan only); empty = 20 s (IOS default)
 */
public record CallForward(String kind, String number, OptionalInt timeoutSeconds) {
    /** IOS default no-answer timeout. */
    public static final int DEFAULT_NOAN_TIMEOUT = 20;
}
