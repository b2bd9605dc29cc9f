package org.tollgate.lines.relay;

/**
 * The {@code tndconnect} session lifecycle as a pure transition function (secure telnet spec, "Session end").
 *
 * <pre>
 * Starting ──TunnelUp──▶ Waiting ──EngineerJoined──▶ Joined
 *    │                      │                          │
 *    └── failures ──────────┴──── end causes ──────────┴──▶ Ended(cause)   (terminal, never restarted)
 * </pre>
 * {@link Connector} feeds it the events its sockets, timer and signal handler produce and carries out the
 * resulting {@link Step}: tearing down on {@link Ended}, telling the engineer first when {@link Step#tellEngineer()}.
 */
final class ConnectorLifecycle {
    private ConnectorLifecycle() {}

    /** A lifecycle state. */
    sealed interface State {}

    /** Probing the daemon and opening the tunnel. Next: {@link Waiting}, {@link Ended}. */
    record Starting() implements State {}

    /** Tunnel up, idle timer running, no engineer yet. Next: {@link Joined}, {@link Ended}. */
    record Waiting() implements State {}

    /** The engineer is connected to the telnet daemon. Next: {@link Ended}. */
    record Joined() implements State {}

    /** Terminal. */
    record Ended(SessionEnd cause) implements State {}

    /** Something that happened to the session. */
    sealed interface Event {}

    /** The telnet daemon did not accept the start-up probe. */
    record DaemonNotRunning() implements Event {}

    /** The tunnel could not be opened ({@code cause}: unreachable, host key rejected, refused). */
    record TunnelFailed(SessionEnd cause) implements Event {}

    /** The tunnel is authenticated and its channel open. */
    record TunnelUp() implements Event {}

    /** The relay signalled the engineer and the daemon connection is open. */
    record EngineerJoined() implements Event {}

    /** The relay signalled the engineer but the daemon refused the connection. */
    record DaemonUnavailable() implements Event {}

    /** The relay ended the tunnel channel or session; {@code exitStatus} as in {@link RelayTunnel}, or null. */
    record RelayClosed(Integer exitStatus) implements Event {}

    /** The telnet daemon closed its connection. */
    record DaemonClosed() implements Event {}

    /** A socket or protocol failure on either connection. */
    record IoFailed() implements Event {}

    /** The idle limit passed without traffic. */
    record IdleExpired() implements Event {}

    /** Ctrl+C. */
    record Interrupted() implements Event {}

    /** The next state, and whether the engineer must be told why before the teardown. */
    record Step(State next, boolean tellEngineer) {
        static Step to(State next) {
            return new Step(next, false);
        }
    }

    static Step next(State state, Event event) {
        return switch (state) {
            case Starting s -> starting(s, event);
            case Waiting w -> waiting(w, event);
            case Joined j -> joined(j, event);
            case Ended e -> Step.to(e);
        };
    }

    private static Step starting(Starting s, Event event) {
        return switch (event) {
            case DaemonNotRunning e -> Step.to(new Ended(SessionEnd.DAEMON_NOT_RUNNING));
            case TunnelFailed e -> Step.to(new Ended(e.cause()));
            case TunnelUp e -> Step.to(new Waiting());
            case Interrupted e -> Step.to(new Ended(SessionEnd.INTERRUPTED));
            case RelayClosed e -> Step.to(new Ended(SessionEnd.RELAY_UNREACHABLE));
            case IoFailed e -> Step.to(new Ended(SessionEnd.RELAY_UNREACHABLE));
            // the idle timer starts with the tunnel; the others cannot happen before it
            case IdleExpired e -> Step.to(s);
            case EngineerJoined e -> Step.to(s);
            case DaemonUnavailable e -> Step.to(s);
            case DaemonClosed e -> Step.to(s);
        };
    }

    private static Step waiting(Waiting w, Event event) {
        return switch (event) {
            case EngineerJoined e -> Step.to(new Joined());
            case DaemonUnavailable e -> Step.to(new Ended(SessionEnd.DAEMON_EXIT));
            case RelayClosed e -> Step.to(new Ended(SessionEnd.RELAY_EXIT));
            case IoFailed e -> Step.to(new Ended(SessionEnd.SOCKET_FAILURE));
            case IdleExpired e -> Step.to(new Ended(SessionEnd.IDLE_TIMEOUT));
            case Interrupted e -> Step.to(new Ended(SessionEnd.INTERRUPTED));
            // no daemon connection yet; the tunnel is already up
            case DaemonClosed e -> Step.to(w);
            case TunnelUp e -> Step.to(w);
            case TunnelFailed e -> Step.to(w);
            case DaemonNotRunning e -> Step.to(w);
        };
    }

    private static Step joined(Joined j, Event event) {
        return switch (event) {
            case RelayClosed e -> Step.to(new Ended(e.exitStatus() != null
                    && e.exitStatus() == RelayTunnel.EXIT_ENGINEER_GONE
                    ? SessionEnd.ENGINEER_DISCONNECTED : SessionEnd.RELAY_EXIT));
            case DaemonClosed e -> Step.to(new Ended(SessionEnd.DAEMON_EXIT));
            case IoFailed e -> Step.to(new Ended(SessionEnd.SOCKET_FAILURE));
            case IdleExpired e -> new Step(new Ended(SessionEnd.IDLE_TIMEOUT), true);
            case Interrupted e -> new Step(new Ended(SessionEnd.INTERRUPTED), true);
            case EngineerJoined e -> Step.to(j);
            case DaemonUnavailable e -> Step.to(j);
            case TunnelUp e -> Step.to(j);
            case TunnelFailed e -> Step.to(j);
            case DaemonNotRunning e -> Step.to(j);
        };
    }
}
