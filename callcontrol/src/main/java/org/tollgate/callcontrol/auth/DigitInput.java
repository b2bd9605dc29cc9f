package org.tollgate.callcontrol.auth;

/** One answer of {@link DigitSource#next}. (A hang-up is an {@link InterruptedException}.) */
public sealed interface DigitInput {
    /** The caller dialled {@code digit} (0-9, *, #, A-D). */
    record Digit(char digit) implements DigitInput {
    }

    /** Nothing dialled within the timeout. */
    record Timeout() implements DigitInput {
    }
}
