package org.tollgate.config.cli;

import java.time.Instant;

/**
 * Facts for {@code show version}.
 *
 * @param version    software version ({@code 0.1.0})
 * @param startedAt  when the gateway started (uptime is measured from here)
 * @param configFile the configuration file the gateway was started with
 */
public record VersionInfo(String version, Instant startedAt, String configFile) {
}
