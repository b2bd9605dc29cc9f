package org.tollgate.config.system;

import java.util.List;
import java.util.Optional;

/**
 * Syslog settings: remote hosts and the trap level.
 *
 * @param hosts {@code logging host} lines, in configuration order, one per address
 * @param trap {@code logging trap LEVEL}; empty means the IOS default {@code informational}
 */
public record Logging(List<LogHost> hosts, Optional<SyslogLevel> trap) {
    public static final Logging DEFAULT = new Logging(List.of(), Optional.empty());

    public Logging {
        hosts = List.copyOf(hosts);
    }

    /** The effective trap level (default informational). */
    public SyslogLevel trapLevel() {
        return trap.orElse(SyslogLevel.INFORMATIONAL);
    }

    public Logging withHosts(List<LogHost> h) {
        return new Logging(h, trap);
    }

    public Logging withTrap(Optional<SyslogLevel> t) {
        return new Logging(hosts, t);
    }
}
