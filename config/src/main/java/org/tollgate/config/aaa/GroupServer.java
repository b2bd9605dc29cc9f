package org.tollgate.config.aaa;

/**
 * A member of {@code aaa group server radius NAME}: {@code server name X} (a {@code radius server X}
 * block) or {@code server A [auth-port P] [acct-port P]} (an address).
 *
 * @param byName true for {@code server name X}
 * @param target the server name or the address
 * @param authPort authentication port for the address form (default 1645; 0 for the name form)
 * @param acctPort accounting port for the address form (default 1646; 0 for the name form)
 */
public record GroupServer(boolean byName, String target, int authPort, int acctPort) {
}
