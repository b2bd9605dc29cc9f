package org.tollgate.lines.relay;

/**
 * Why a {@code tndconnect} run ended (secure telnet spec, "Session end"), with its process exit status.
 *
 * <p>Status 0: the session ran and ended by one of the spec's causes; 1: the session could not start.
 */
public enum SessionEnd {
    /** 30 minutes (configurable) without traffic since the tunnel came up or the last relayed byte. */
    IDLE_TIMEOUT(0, "no traffic for the idle limit, tunnel closed"),
    /** The engineer closed the telnet session to the relay. */
    ENGINEER_DISCONNECTED(0, "the engineer disconnected"),
    /** The relay ended (or the tunnel connection was lost). */
    RELAY_EXIT(0, "the relay closed the tunnel"),
    /** The telnet daemon closed its session (logout) or ended. */
    DAEMON_EXIT(0, "the telnet daemon closed the session"),
    /** A socket or TCP failure on either connection. */
    SOCKET_FAILURE(0, "socket failure"),
    /** Ctrl+C in tndconnect. */
    INTERRUPTED(0, "interrupted (Ctrl+C)"),
    /** At start-up the telnet daemon was not accepting connections. */
    DAEMON_NOT_RUNNING(1, "the telnet daemon is not running"),
    /** The relay could not be reached. */
    RELAY_UNREACHABLE(1, "cannot reach the relay"),
    /** The relay's host key did not match the pinned or remembered fingerprint. */
    HOST_KEY_REJECTED(1, "the relay's host key does not match"),
    /** The relay refused the one-time password proof (already used, or malformed). */
    REFUSED(1, "the relay refused the one-time password (already used?)");

    private final int exitStatus;
    private final String description;

    SessionEnd(int exitStatus, String description) {
        this.exitStatus = exitStatus;
        this.description = description;
    }

    public int exitStatus() {
        return exitStatus;
    }

    public String description() {
        return description;
    }
}
