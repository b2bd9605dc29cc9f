package org.tollgate.callcontrol.call;

/** The timers of a call; each arrives as {@link CallEvent.TimerExpired}. */
public enum CallTimer {
    /** {@code timeouts interdigit} (default 10 s) while collecting digits. */
    INTERDIGIT,
    /** {@code timeouts ringing} (default 180 s) while an outgoing leg is set up or alerting. */
    NO_ANSWER
}
