package org.tollgate.callcontrol.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Straight-line digit collection for IVR code ({@code collect(source, spec)} → digits or a reason),
 * the rules of FAC/LPCOR spec section 3: collection ends at {@code maxDigits}, at the inter-digit
 * timeout, or at the terminating digit; the abort digit cancels the entry.
 */
public final class DigitCollector {
    private DigitCollector() {
    }

    /**
     * @param maxDigits 1..32 (auth package {@code param max-digits}, default 32)
     * @param termDigit {@code param term-digit}, usually {@code #}
     * @param abortDigit {@code param abort-digit}, default {@code *}
     * @param interdigit the inter-digit timeout (default 10 s)
     */
    public record Spec(int maxDigits, Optional<Character> termDigit, Optional<Character> abortDigit,
                       Duration interdigit) {
        public Spec {
            if (maxDigits < 1 || maxDigits > 32) {
                throw new IllegalArgumentException("maxDigits " + maxDigits + " outside 1..32");
            }
        }
    }

    /** How a collection ended. */
    public sealed interface Result {
    }

    /** Digits collected; {@code endedBy} tells why collection stopped. */
    public record Collected(String digits, EndedBy endedBy) implements Result {
    }

    /** The abort digit was pressed. */
    public record Aborted() implements Result {
    }

    /** The timeout expired before any digit. */
    public record TimedOut() implements Result {
    }

    public enum EndedBy {
        TERM_DIGIT, MAX_DIGITS, TIMEOUT
    }

    /**
     * Collects one entry from {@code source} following {@code spec}.
     *
     * @throws InterruptedException when the caller hangs up
     */
    public static Result collect(DigitSource source, Spec spec) throws InterruptedException {
        StringBuilder digits = new StringBuilder();
        while (true) {
            DigitInput in = source.next(spec.interdigit());
            switch (in) {
                case DigitInput.Timeout t -> {
                    return digits.isEmpty() ? new TimedOut() : new Collected(digits.toString(), EndedBy.TIMEOUT);
                }
                case DigitInput.Digit d -> {
                    char c = d.digit();
                    if (spec.abortDigit().isPresent() && spec.abortDigit().get() == c) {
                        return new Aborted();
                    }
                    if (spec.termDigit().isPresent() && spec.termDigit().get() == c) {
                        return new Collected(digits.toString(), EndedBy.TERM_DIGIT);
                    }
                    if (c >= '0' && c <= '9') {
                        digits.append(c);
                        if (digits.length() >= spec.maxDigits()) {
                            return new Collected(digits.toString(), EndedBy.MAX_DIGITS);
                        }
                    }
                }
            }
        }
    }
}
