package org.tollgate.callcontrol.auth;

import java.time.Duration;

/**
 * The caller's digit stream during an authorization step. Blocking: meant for the
 * authorization application's own (virtual) thread. Timeouts run on call control's injected
 * scheduler, so tests advance a fake clock instead of sleeping.
 */
public interface DigitSource {
    /** The next digit, or {@link DigitInput.Timeout} after {@code timeout}, or {@link DigitInput.Hangup}. */
    DigitInput next(Duration timeout) throws InterruptedException;
}
