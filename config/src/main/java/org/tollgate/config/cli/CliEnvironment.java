package org.tollgate.config.cli;

import java.time.Clock;

/**
 * Everything the built-in commands need from the running gateway; one per gateway, shared by
 * every session.
 */
public record CliEnvironment(ConfigHolder config, DebugBus debug, Clock clock, StartupConfig startup,
                             VersionInfo version, LineDirectory lines) {
}
