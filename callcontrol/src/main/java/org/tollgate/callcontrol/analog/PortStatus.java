package org.tollgate.callcontrol.analog;

/** The operational state of an FXS port, as {@code show voice port} reports it. */
public enum PortStatus {
    /** On-hook, no call. */
    IDLE,
    /** Off-hook, making a call (dial tone, digits, ringback ...). */
    ORIGINATING,
    /** A call for it was accepted; about to ring. */
    RESERVED,
    /** Ringing (on-hook). */
    RINGING,
    /** In a connected call (either direction). */
    CONNECTED,
    /** Off-hook after its call ended (reorder until on-hook). */
    RELEASED_OFF_HOOK,
    /** {@code shutdown}. */
    SHUTDOWN
}
