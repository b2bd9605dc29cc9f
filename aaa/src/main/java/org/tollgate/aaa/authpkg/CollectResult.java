package org.tollgate.aaa.authpkg;

import java.util.Objects;

/** The outcome of one {@link DigitCollector#collect digit entry}. */
public sealed interface CollectResult {

    /** Why an entry with digits ended. */
    enum End { TERMINATOR, MAX_DIGITS, INTERDIGIT_TIMEOUT }

    /** Digits were entered (possibly none, when the terminator came first). */
    record Entered(String digits, End end) implements CollectResult {
        public Entered {
            Objects.requireNonNull(digits, "digits");
            Objects.requireNonNull(end, "end");
        }

        @Override
        public String toString() {
            // the digits may be a password: show only the length
            return "Entered[" + digits.length() + " digits, end=" + end + "]";
        }
    }

    /** The inter-digit timeout passed before the first digit. */
    record NothingEntered() implements CollectResult {
    }

    /** The abort digit was pressed more often than the restart limit allows. */
    record Aborted() implements CollectResult {
    }
}
