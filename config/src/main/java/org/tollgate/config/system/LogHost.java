package org.tollgate.config.system;

/**
 * {@code logging host ADDRESS [transport udp|tcp port P]}.
 *
 * @param address IPv4 address or host name
 * @param tcp true for {@code transport tcp}; default UDP
 * @param port default 514 (1..65535)
 */
public record LogHost(String address, boolean tcp, int port) {
    /** The syslog default port. */
    public static final int DEFAULT_PORT = 514;
}
