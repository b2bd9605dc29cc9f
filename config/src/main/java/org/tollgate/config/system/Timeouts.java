package org.tollgate.config.system;

import java.util.OptionalInt;

/**
 * Global {@code timeouts interdigit N} (a tollgate convenience: IOS has it per voice-port and under
 * telephony-service). Voice-ports and telephony-service override it.
 *
 * @param interdigitSeconds 0..120 seconds; empty means the IOS default of 10 seconds
 */
public record Timeouts(OptionalInt interdigitSeconds) {
    /** IOS default inter-digit timeout. */
    public static final int DEFAULT_INTERDIGIT_SECONDS = 10;
    public static final Timeouts DEFAULT = new Timeouts(OptionalInt.empty());

    /** The effective inter-digit timeout in seconds. */
    public int interdigit() {
        return interdigitSeconds.orElse(DEFAULT_INTERDIGIT_SECONDS);
    }
}
