package org.tollgate.callcontrol.auth;

/** The outcome of one authorization step. {@code facDigits} are the code digits, never the password. */
public sealed interface AuthorizationResult {
    /** A valid FAC: the call proceeds to the same destination. */
    record Success(String facDigits) implements AuthorizationResult {
    }

    /** The code (or password) was wrong after all retries: hunt to the next destination. */
    record Failure(String facDigits, String reason) implements AuthorizationResult {
    }

    /** The caller pressed the abort digit and had no retries left. */
    record Aborted() implements AuthorizationResult {
    }

    /** No digits before the inter-digit timeout. */
    record TimedOut() implements AuthorizationResult {
    }

    /** The AAA back-end could not answer (RADIUS down, no method list). */
    record Unavailable(String reason) implements AuthorizationResult {
    }
}
