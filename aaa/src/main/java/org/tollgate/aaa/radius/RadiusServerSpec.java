package org.tollgate.aaa.radius;

import java.net.InetAddress;
import java.util.Objects;

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
 */
public record RadiusServerSpec(String name, InetAddress address, int authPort, int acctPort, String key) {

    public static final int DEFAULT_AUTH_PORT = 1645;
    public static final int DEFAULT_ACCT_PORT = 1646;

    public RadiusServerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("RADIUS server " + name + " has no key");
        }
        if (authPort < 0 || authPort > 65535 || acctPort < 0 || acctPort > 65535) {
            throw new IllegalArgumentException("RADIUS ports must be 0..65535");
        }
    }

    @Override
    public String toString() {
        return "RadiusServer[" + name + " " + address.getHostAddress() + " auth " + authPort + " acct " + acctPort
                + " key <hidden>]";
    }
}
