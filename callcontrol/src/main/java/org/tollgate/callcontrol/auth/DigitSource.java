package org.tollgate.callcontrol.auth;

import java.time.Duration;

/**
 * The caller's digit stream during an authorization step. Blocking: meant for the authorization
 * application's own (virtual) thread, never a signaling thread. Digits dialled before
 * {@code next} is called (type-ahead, e.g. during a prompt) are kept in order. Timeouts run on
 * call control's injected scheduler, so tests advance a fake clock instead of sleeping.
 */
public interface DigitSource {
    /**
     * The next digit, or {@link DigitInput.Timeout} after {@code timeout}.
     *
     * @throws InterruptedException when the caller hung up (or the thread was interrupted)
     */
    DigitInput next(Duration timeout) throws InterruptedException;
}
