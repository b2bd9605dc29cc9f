package org.tollgate.aaa.radius;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One RADIUS server as configured ({@code radius server NAME / address ipv4 A auth-port P acct-port P
 * / key K} or {@code radius-server host A auth-port P acct-port P key K}).
 *
 * <p>The key is a secret: {@link #toString()} hides it.
 *
 * @param name the server's name (for {@code radius-server host}: the address as text)
 * @param address the server address
 * @param authPort authentication port, default {@value #DEFAULT_AUTH_PORT} (IOS default)
 * @param acctPort accounting port, default {@value #DEFAULT_ACCT_PORT} (IOS default)
 * @param key the shared secret, not empty
 * @param timeout this server's {@code timeout}, overriding {@code radius-server timeout}
 * @param retransmit this server's {@code retransmit}, overriding {@code radius-server retransmit}
 */
public record RadiusServerSpec(String name, InetAddress address, int authPort, int acctPort, String key,
        Optional<Duration> timeout, OptionalInt retransmit) {

    public static final int DEFAULT_AUTH_PORT = 1645;
    public static final int DEFAULT_ACCT_PORT = 1646;

    public RadiusServerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retransmit, "retransmit");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("RADIUS server " + name + " has no key");
        }
        if (authPort < 0 || authPort > 65535 || acctPort < 0 || acctPort > 65535) {
            throw new IllegalArgumentException("RADIUS ports must be 0..65535");
        }
    }

    /** A server using the global timeout and retransmit. */
    public RadiusServerSpec(String name, InetAddress address, int authPort, int acctPort, String key) {
        this(name, address, authPort, acctPort, key, Optional.empty(), OptionalInt.empty());
    }

    /** The settings for this server: the global ones with this server's overrides. */
    public RadiusSettings effective(RadiusSettings global) {
        RadiusSettings settings = timeout.map(global::withTimeout).orElse(global);
        return retransmit.isPresent() ? settings.withRetransmit(retransmit.getAsInt()) : settings;
    }

    @Override
    public String toString() {
        return "RadiusServer[" + name + " " + address.getHostAddress() + " auth " + authPort + " acct " + acctPort
                + " key <hidden>]";
    }
}
