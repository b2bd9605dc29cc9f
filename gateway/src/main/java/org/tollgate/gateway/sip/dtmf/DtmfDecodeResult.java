package org.tollgate.gateway.sip.dtmf;

import java.util.List;

/** Outcome of decoding a DTMF relay body: digits, or an error with its position. */
public sealed interface DtmfDecodeResult {

    /** The body held these digits (KPML reports may hold several). */
    record Decoded(List<DigitEvent> digits) implements DtmfDecodeResult {
        /** Copies the list. */
        public Decoded {
            digits = List.copyOf(digits);
        }
    }

    /**
     * The body was malformed.
     *
     * @param reason what was wrong
     * @param line 1-based line of the problem (1 for binary bodies)
     * @param column 1-based column (byte offset + 1 for binary bodies)
     */
    record Invalid(String reason, int line, int column) implements DtmfDecodeResult {
    }

    /** A single decoded digit. */
    static DtmfDecodeResult of(DigitEvent event) {
        return new Decoded(List.of(event));
    }
}
