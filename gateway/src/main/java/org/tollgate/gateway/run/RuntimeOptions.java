package org.tollgate.gateway.run;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code tollgate run} options. Flags override the configuration file (used by tests to pick
 * free ports). Absent ports take their defaults: telnet {@value #DEFAULT_TELNET_PORT} (not 23, which
 * needs root), SSH {@value #DEFAULT_SSH_PORT}; HTTP only when {@code --http-port} is given.
 *
 * @param config     the configuration file (required)
 * @param dataDir    where the H2 store, the SSH host key and the log files live (default {@code ./data})
 * @param sipAddress {@code --sip-address}: for the SIP edge
 * @param sipPort    {@code --sip-port}: for the SIP edge
 * @param telnetPort {@code --telnet-port}; 0 = ephemeral
 * @param sshPort    {@code --ssh-port}; 0 = ephemeral
 * @param httpPort   {@code --http-port}: serve /metrics and /health; empty = no HTTP endpoint
 * @param console    false with {@code --no-console}
 */
public record RuntimeOptions(Path config, Path dataDir, Optional<String> sipAddress, OptionalInt sipPort,
                             int telnetPort, int sshPort, OptionalInt httpPort, boolean console) {
    public static final int DEFAULT_TELNET_PORT = 2323;
    public static final int DEFAULT_SSH_PORT = 2222;

    /** The parse outcome: options, or a usage error message. */
    public sealed interface Parsed {
        record Ok(RuntimeOptions options) implements Parsed {
        }

        record Error(String message) implements Parsed {
        }
    }

    /** Parses {@code run}'s arguments ({@code --flag value} or {@code --flag=value}). */
    public static Parsed parse(String[] args) {
        Path config = null;
        Path dataDir = Path.of("data");
        Optional<String> sipAddress = Optional.empty();
        OptionalInt sipPort = OptionalInt.empty();
        int telnet = DEFAULT_TELNET_PORT;
        int ssh = DEFAULT_SSH_PORT;
        OptionalInt http = OptionalInt.empty();
        boolean console = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            if (a.equals("--no-console")) {
                console = false;
                continue;
            }
            if (!a.equals("--config") && !a.equals("--data-dir") && !a.equals("--sip-address")
                    && !a.equals("--sip-port") && !a.equals("--telnet-port") && !a.equals("--ssh-port")
                    && !a.equals("--http-port")) {
                return new Parsed.Error("unknown option '" + args[i] + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return new Parsed.Error(a + " needs a value");
                }
                value = args[++i];
            }
            switch (a) {
                case "--config" -> config = Path.of(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--sip-address" -> sipAddress = Optional.of(value);
                default -> {
                    OptionalInt port = port(value);
                    if (port.isEmpty()) {
                        return new Parsed.Error(a + ": not a port number (0-65535): '" + value + "'");
                    }
                    switch (a) {
                        case "--sip-port" -> sipPort = port;
                        case "--telnet-port" -> telnet = port.getAsInt();
                        case "--ssh-port" -> ssh = port.getAsInt();
                        default -> http = port;
                    }
                }
            }
        }
        if (config == null) {
            return new Parsed.Error("--config FILE is required");
        }
        return new Parsed.Ok(new RuntimeOptions(config, dataDir, sipAddress, sipPort, telnet, ssh, http, console));
    }

    private static OptionalInt port(String v) {
        try {
            int p = Integer.parseInt(v);
            return p >= 0 && p <= 65535 ? OptionalInt.of(p) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
