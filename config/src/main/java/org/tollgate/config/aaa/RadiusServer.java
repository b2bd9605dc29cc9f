package org.tollgate.config.aaa;

import java.util.Optional;
import java.util.OptionalInt;
import org.tollgate.config.secret.Password;

/**
 * A {@code radius server NAME} block.
 *
 * @param name server name
 * @param address {@code address ipv4 A}
 * @param authPort {@code auth-port}, default 1645 (the IOS default; RFC 2865 uses 1812)
 * @param acctPort {@code acct-port}, default 1646 (RFC 2866 uses 1813)
 * @param key {@code key [0|7] K} shared secret
 * @param timeoutSeconds {@code timeout 1..1000}; empty = the global {@code radius-server timeout}
 * @param retransmit {@code retransmit 0..100}; empty = the global {@code radius-server retransmit}
 */
public record RadiusServer(String name, Optional<String> address, int authPort, int acctPort, Optional<Password> key,
                           OptionalInt timeoutSeconds, OptionalInt retransmit) {
    public static final int DEFAULT_AUTH_PORT = 1645;
    public static final int DEFAULT_ACCT_PORT = 1646;

    /** A new, empty server block. */
    public static RadiusServer named(String name) {
        return new RadiusServer(name, Optional.empty(), DEFAULT_AUTH_PORT, DEFAULT_ACCT_PORT, Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty());
    }

    public RadiusServer withAddress(Optional<String> a, int auth, int acct) {
        return new RadiusServer(name, a, auth, acct, key, timeoutSeconds, retransmit);
    }

    public RadiusServer withKey(Optional<Password> k) {
        return new RadiusServer(name, address, authPort, acctPort, k, timeoutSeconds, retransmit);
    }

    public RadiusServer withTimeoutSeconds(OptionalInt t) {
        return new RadiusServer(name, address, authPort, acctPort, key, t, retransmit);
    }

    public RadiusServer withRetransmit(OptionalInt r) {
        return new RadiusServer(name, address, authPort, acctPort, key, timeoutSeconds, r);
    }
}
