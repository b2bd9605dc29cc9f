package org.tollgate.lines.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.lines.relay.ConnectorLifecycle.Ended;
import org.tollgate.lines.relay.ConnectorLifecycle.Event;
import org.tollgate.lines.relay.ConnectorLifecycle.Joined;
import org.tollgate.lines.relay.ConnectorLifecycle.Starting;
import org.tollgate.lines.relay.ConnectorLifecycle.State;
import org.tollgate.lines.relay.ConnectorLifecycle.Step;
import org.tollgate.lines.relay.ConnectorLifecycle.Waiting;

/** Secure telnet spec, "Session end": every cause per state of the connector's lifecycle. */
class ConnectorLifecycleTest {
    private static Step step(State s, Event e) {
        return ConnectorLifecycle.next(s, e);
    }

    private static SessionEnd cause(State s, Event e) {
        return ((Ended) step(s, e).next()).cause();
    }

    @Test
    @DisplayName("start-up: daemon not running, relay unreachable/refused/host key, Ctrl+C end it; tunnel up waits")
    void starting() {
        State s = new Starting();
        assertEquals(SessionEnd.DAEMON_NOT_RUNNING, cause(s, new ConnectorLifecycle.DaemonNotRunning()));
        assertEquals(SessionEnd.REFUSED, cause(s, new ConnectorLifecycle.TunnelFailed(SessionEnd.REFUSED)));
        assertEquals(SessionEnd.HOST_KEY_REJECTED, cause(s, new ConnectorLifecycle.TunnelFailed(SessionEnd.HOST_KEY_REJECTED)));
        assertEquals(SessionEnd.INTERRUPTED, cause(s, new ConnectorLifecycle.Interrupted()));
        assertEquals(new Waiting(), step(s, new ConnectorLifecycle.TunnelUp()).next());
        assertEquals(s, step(s, new ConnectorLifecycle.IdleExpired()).next(), "the idle timer starts with the tunnel");
    }

    @Test
    @DisplayName("waiting: idle 30 min, relay exit, socket failure, Ctrl+C end it without a notice; the engineer joins")
    void waiting() {
        State s = new Waiting();
        assertEquals(SessionEnd.IDLE_TIMEOUT, cause(s, new ConnectorLifecycle.IdleExpired()));
        assertEquals(SessionEnd.RELAY_EXIT, cause(s, new ConnectorLifecycle.RelayClosed(RelayTunnel.EXIT_RELAY_SHUTDOWN)));
        assertEquals(SessionEnd.RELAY_EXIT, cause(s, new ConnectorLifecycle.RelayClosed(null)));
        assertEquals(SessionEnd.SOCKET_FAILURE, cause(s, new ConnectorLifecycle.IoFailed()));
        assertEquals(SessionEnd.INTERRUPTED, cause(s, new ConnectorLifecycle.Interrupted()));
        assertEquals(SessionEnd.DAEMON_EXIT, cause(s, new ConnectorLifecycle.DaemonUnavailable()));
        assertFalse(step(s, new ConnectorLifecycle.IdleExpired()).tellEngineer(), "nobody to tell yet");
        assertEquals(new Joined(), step(s, new ConnectorLifecycle.EngineerJoined()).next());
    }

    @Test
    @DisplayName("joined: engineer disconnect (status 0), relay exit, daemon exit, socket failure, idle and Ctrl+C (engineer told)")
    void joined() {
        State s = new Joined();
        assertEquals(SessionEnd.ENGINEER_DISCONNECTED, cause(s, new ConnectorLifecycle.RelayClosed(RelayTunnel.EXIT_ENGINEER_GONE)));
        assertEquals(SessionEnd.RELAY_EXIT, cause(s, new ConnectorLifecycle.RelayClosed(RelayTunnel.EXIT_RELAY_SHUTDOWN)));
        assertEquals(SessionEnd.RELAY_EXIT, cause(s, new ConnectorLifecycle.RelayClosed(null)));
        assertEquals(SessionEnd.DAEMON_EXIT, cause(s, new ConnectorLifecycle.DaemonClosed()));
        assertEquals(SessionEnd.SOCKET_FAILURE, cause(s, new ConnectorLifecycle.IoFailed()));
        assertTrue(step(s, new ConnectorLifecycle.IdleExpired()).tellEngineer());
        assertTrue(step(s, new ConnectorLifecycle.Interrupted()).tellEngineer());
        assertFalse(step(s, new ConnectorLifecycle.DaemonClosed()).tellEngineer());
    }

    @Test
    @DisplayName("ended is terminal: the first cause stays, nothing restarts the session")
    void terminal() {
        State s = new Ended(SessionEnd.IDLE_TIMEOUT);
        for (Event e : List.of(new ConnectorLifecycle.TunnelUp(), new ConnectorLifecycle.EngineerJoined(),
                new ConnectorLifecycle.Interrupted(), new ConnectorLifecycle.IoFailed())) {
            assertEquals(s, step(s, e).next());
        }
    }
}
