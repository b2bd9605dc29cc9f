package org.tollgate.config.aaa;

import java.util.List;
import java.util.Optional;
import org.tollgate.config.secret.Password;

/**
 * RADIUS client settings.
 *
 * @param servers {@code radius server NAME} blocks
 * @param hosts {@code radius-server host} lines (one per address)
 * @param key {@code radius-server key} global shared secret
 * @param timeoutSeconds {@code radius-server timeout 1..1000}, default 5
 * @param retransmit {@code radius-server retransmit 0..100}, default 3
 * @param deadtimeMinutes {@code radius-server deadtime 0..1440}, default 0 (never mark dead)
 * @param sourceInterface {@code ip radius source-interface NAME} (kept; no effect)
 */
public record Radius(List<RadiusServer> servers, List<RadiusHost> hosts, Optional<Password> key,
                     int timeoutSeconds, int retransmit, int deadtimeMinutes, Optional<String> sourceInterface) {
    public static final int DEFAULT_TIMEOUT = 5;
    public static final int DEFAULT_RETRANSMIT = 3;
    public static final Radius DEFAULT = new Radius(List.of(), List.of(), Optional.empty(), DEFAULT_TIMEOUT,
            DEFAULT_RETRANSMIT, 0, Optional.empty());

    public Radius {
        servers = List.copyOf(servers);
        hosts = List.copyOf(hosts);
    }

    /** {@code radius server NAME}. */
    public Optional<RadiusServer> server(String name) {
        return servers.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Radius withServers(List<RadiusServer> v) {
        return new Radius(v, hosts, key, timeoutSeconds, retransmit, deadtimeMinutes, sourceInterface);
    }

    public Radius withHosts(List<RadiusHost> v) {
        return new Radius(servers, v, key, timeoutSeconds, retransmit, deadtimeMinutes, sourceInterface);
    }

    public Radius withKey(Optional<Password> v) {
        return new Radius(servers, hosts, v, timeoutSeconds, retransmit, deadtimeMinutes, sourceInterface);
    }

    public Radius withTimeoutSeconds(int v) {
        return new Radius(servers, hosts, key, v, retransmit, deadtimeMinutes, sourceInterface);
    }

    public Radius withRetransmit(int v) {
        return new Radius(servers, hosts, key, timeoutSeconds, v, deadtimeMinutes, sourceInterface);
    }

    public Radius withDeadtimeMinutes(int v) {
        return new Radius(servers, hosts, key, timeoutSeconds, retransmit, v, sourceInterface);
    }

    public Radius withSourceInterface(Optional<String> v) {
        return new Radius(servers, hosts, key, timeoutSeconds, retransmit, deadtimeMinutes, v);
    }
}
