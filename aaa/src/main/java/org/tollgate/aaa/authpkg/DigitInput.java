package org.tollgate.aaa.authpkg;

/** What {@link DigitSource#next} returns: a key, or the wait ran out. */
public sealed interface DigitInput {

    /** One DTMF key: 0-9, *, #, A-D, from whatever DTMF method the call uses. */
    record Key(char key) implements DigitInput {
        public Key {
            if (!AuthPackageParams.isKeypadDigit(key)) {
                throw new IllegalArgumentException("not a DTMF key: " + key);
            }
        }
    }

    /** The timeout passed with no key. */
    record TimedOut() implements DigitInput {
    }
}
