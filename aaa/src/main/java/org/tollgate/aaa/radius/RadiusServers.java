package org.tollgate.aaa.radius;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every RADIUS server's {@link RadiusServerState}, by address and ports; one instance per gateway
 * (it outlives configuration swaps). Thread-safe.
 */
public final class RadiusServers {

    private final Map<String, RadiusServerState> states = new ConcurrentHashMap<>();

    /** The state of a server (created on first use). */
    public RadiusServerState state(RadiusServerSpec server) {
        String host = server.address().getHostAddress();
        return states.computeIfAbsent(host + "/" + server.authPort() + "/" + server.acctPort(),
                key -> new RadiusServerState(host, server.authPort(), server.acctPort()));
    }

    /** Snapshots of every server seen so far, ordered by host and ports. */
    public List<RadiusServerState.Snapshot> snapshot(Instant now) {
        return states.values().stream()
                .map(s -> s.snapshot(now))
                .sorted(java.util.Comparator.comparing(RadiusServerState.Snapshot::host)
                        .thenComparingInt(RadiusServerState.Snapshot::authPort)
                        .thenComparingInt(RadiusServerState.Snapshot::acctPort))
                .toList();
    }
}
