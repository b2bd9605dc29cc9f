package org.tollgate.aaa.authpkg;

import java.time.Duration;

/**
 * The call's digit stream as the FAC flow reads it: blocking, interruptible, one key at a time.
 * Called only from the call's own (virtual) IVR thread, never from a signaling thread.
 * Keys typed before {@code next} is called (type-ahead, e.g. during a prompt) are kept in order.
 */
public interface DigitSource {

    /**
     * Waits up to {@code timeout} for the next key.
     *
     * @throws InterruptedException when the call is released (the IVR thread is interrupted)
     */
    DigitInput next(Duration timeout) throws InterruptedException;
}
