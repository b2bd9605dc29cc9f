package org.tollgate.lines.callback;

import java.time.Instant;
import java.util.Optional;

/**
 * A modem line's state for {@code show line} / {@code show users}.
 *
 * @param number            absolute line number
 * @param name              {@code aux 0}, {@code tty 65}
 * @param device            serial device path
 * @param speed             bits per second
 * @param state             what the line is doing
 * @param user              the logged-in user, if any
 * @param location          callback number or {@code async}
 * @param since             when the state began
 * @param calls             incoming calls answered
 * @param callbacks         callbacks that connected
 * @param failedCallbacks   callbacks that failed (BUSY, ERROR, TIMEOUT, ...)
 * @param loginFailures     failed login attempts
 */
public record ModemLineStatus(int number, String name, String device, int speed, LineState state,
                              Optional<String> user, String location, Instant since, long calls, long callbacks,
                              long failedCallbacks, long loginFailures) {

    /** What a modem line is doing. */
    public enum LineState {
        /** Waiting for the device to open. */
        DOWN,
        /** On hook, waiting for RING. */
        IDLE,
        /** Answering an incoming call. */
        ANSWERING,
        /** Caller at the login prompts. */
        LOGIN,
        /** Hung up, waiting {@code callback forced-wait}, dialling back. */
        CALLBACK,
        /** EXEC session running. */
        EXEC,
        /** Hanging up. */
        HANGUP,
        /** Running a chat script for {@code start-chat}. */
        SCRIPT
    }
}
