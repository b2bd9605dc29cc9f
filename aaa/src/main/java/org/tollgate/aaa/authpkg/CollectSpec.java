package org.tollgate.aaa.authpkg;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one digit entry is collected (spec fac-lpcor §3).
 *
 * <ul>
 *   <li>Only 0-9 are entered; other keys that are neither the terminator nor the abort digit are
 *       ignored.</li>
 *   <li>The entry ends when {@code maxDigits} digits are in, when {@code termDigit} is pressed (not
 *       part of the entry), or when {@code interDigitTimeout} passes without a key after at least
 *       one digit.</li>
 *   <li>When the timeout passes before any digit, nothing was entered
 *       ({@link CollectResult.NothingEntered}).</li>
 *   <li>{@code abortDigit} discards the digits so far and restarts the entry (the prompt plays
 *       again). After {@code maxAborts} restarts, one more abort ends it as
 *       {@link CollectResult.Aborted}: a bound so that a stuck key cannot hold the call forever
 *       (default {@value #DEFAULT_MAX_ABORTS}).</li>
 * </ul>
 */
public record CollectSpec(int maxDigits, Optional<Character> termDigit, char abortDigit,
        Duration interDigitTimeout, int maxAborts) {

    public static final int DEFAULT_MAX_ABORTS = 3;

    public CollectSpec {
        Objects.requireNonNull(termDigit, "termDigit");
        Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
        if (maxDigits < 1 || maxDigits > 32) {
            throw new IllegalArgumentException("maxDigits must be 1..32: " + maxDigits);
        }
        if (maxAborts < 0) {
            throw new IllegalArgumentException("maxAborts must be >= 0: " + maxAborts);
        }
    }
}
