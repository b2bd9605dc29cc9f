package org.tollgate.lines.relay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.tollgate.lines.tunnel.IdleTimer;
import org.tollgate.lines.tunnel.OtpProof;

/**
 * The {@code tndconnect} command line (secure telnet spec, "tndconnect command line").
 *
 * <pre>
 * tndconnect -host H -password P [-file LOG] [-port N] [-verbose] [-target HOST] [-noecho]
 *            [-targetport N] [-hostkey SHA256:...] [-knownhosts FILE] [-idle MINUTES]
 * tndconnect /?
 * </pre>
 *
 * Seed options and defaults: {@code -host} and {@code -password} (4+ characters) required; {@code -file}
 * {@code tndconnect.log}; {@code -port} 23 (the relay's tunnel port); {@code -target} {@code localhost}.
 * Extensions: {@code -targetport} (default 23) is the telnet daemon's port on the target, because the
 * gateway's own telnet CLI may listen elsewhere; {@code -hostkey} pins the relay's host key fingerprint;
 * without it the fingerprint is trusted on first use and remembered in {@code -knownhosts} (default
 * {@code tndconnect.known_relays}); {@code -idle} changes the 30-minute idle limit.
 */
public record ConnectorOptions(String host, String password, Path file, int port, boolean verbose,
        String target, int targetPort, boolean noecho, Optional<String> hostKey, Path knownHosts,
        Duration idle) {

    public static final Path DEFAULT_FILE = Path.of("tndconnect.log");
    public static final int DEFAULT_PORT = 23;
    public static final String DEFAULT_TARGET = "localhost";
    public static final Path DEFAULT_KNOWN_HOSTS = Path.of("tndconnect.known_relays");

    /** Result of parsing the command line. */
    public sealed interface Parsed {}

    /** Valid options. */
    public record Ok(ConnectorOptions options) implements Parsed {}

    /** {@code /?}: list the options. */
    public record Help() implements Parsed {}

    /** Invalid command line, with the message to print. */
    public record Invalid(String message) implements Parsed {}

    /** Never shows the one-time password. */
    @Override
    public String toString() {
        return "-host " + host + " -port " + port + " -target " + target + " -targetport " + targetPort
                + " -file " + file + (verbose ? " -verbose" : "") + (noecho ? " -noecho" : "")
                + hostKey.map(k -> " -hostkey " + k).orElse(" -knownhosts " + knownHosts)
                + " -idle " + idle.toMinutes() + " -password ****";
    }

    public static final String USAGE = """
            usage: tndconnect -host <relay hostname> -password <4+ characters> [options]
              -host <relay hostname>   required: the relay server (given by the support engineer)
              -password <password>     required: the one-time password (4+ characters)
              -file <log file>         audit trail of start-up and all relayed activity (default tndconnect.log)
              -port <port>             the relay's port (default 23), e.g. -port 80 when the firewall blocks 23
              -verbose                 debug messages and program trace to the log file and the console
              -target <host>           the host of the telnet daemon (default localhost)
              -noecho                  do not show relayed data on the console
              -targetport <port>       the telnet daemon's port on the target (default 23; tollgate extension)
              -hostkey <SHA256:...>    pin the relay's host key fingerprint (tollgate extension)
              -knownhosts <file>       trust-on-first-use file when -hostkey is absent
                                       (default tndconnect.known_relays; tollgate extension)
              -idle <minutes>          idle limit (default 30; tollgate extension)
              /?                       this list
            Ctrl+C ends the session.""";

    /** Parses {@code args}; never throws. */
    public static Parsed parse(String[] args) {
        String host = null;
        String password = null;
        Path file = DEFAULT_FILE;
        int port = DEFAULT_PORT;
        boolean verbose = false;
        String target = DEFAULT_TARGET;
        int targetPort = DEFAULT_PORT;
        boolean noecho = false;
        String hostKey = null;
        Path knownHosts = DEFAULT_KNOWN_HOSTS;
        Duration idle = IdleTimer.DEFAULT_LIMIT;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "/?", "-?", "-help", "--help" -> {
                    return new Help();
                }
                case "-verbose" -> verbose = true;
                case "-noecho" -> noecho = true;
                case "-host", "-password", "-file", "-port", "-target", "-targetport", "-hostkey", "-knownhosts",
                        "-idle" -> {
                    if (i + 1 >= args.length) {
                        return new Invalid("option " + a + " needs a value");
                    }
                    String v = args[++i];
                    switch (a) {
                        case "-host" -> host = v;
                        case "-password" -> password = v;
                        case "-file" -> file = Path.of(v);
                        case "-target" -> target = v;
                        case "-hostkey" -> hostKey = v;
                        case "-knownhosts" -> knownHosts = Path.of(v);
                        case "-port", "-targetport", "-idle" -> {
                            int n;
                            try {
                                n = Integer.parseInt(v);
                            } catch (NumberFormatException e) {
                                return new Invalid("option " + a + " needs a number, not '" + v + "'");
                            }
                            int max = a.equals("-idle") ? 24 * 60 : 65535;
                            if (n < 1 || n > max) {
                                return new Invalid("option " + a + " must be between 1 and " + max);
                            }
                            if (a.equals("-port")) {
                                port = n;
                            } else if (a.equals("-targetport")) {
                                targetPort = n;
                            } else {
                                idle = Duration.ofMinutes(n);
                            }
                        }
                        default -> throw new IllegalStateException(a);
                    }
                }
                default -> {
                    return new Invalid("unknown option '" + a + "'");
                }
            }
        }
        if (host == null || host.isBlank()) {
            return new Invalid("-host is required");
        }
        if (password == null) {
            return new Invalid("-password is required");
        }
        if (password.length() < OtpProof.MIN_LENGTH) {
            return new Invalid("-password must be at least " + OtpProof.MIN_LENGTH + " characters");
        }
        if (hostKey != null && !hostKey.startsWith("SHA256:")) {
            return new Invalid("-hostkey must be a SHA256:... fingerprint as printed by relayapp");
        }
        return new Ok(new ConnectorOptions(host, password, file, port, verbose, target, targetPort, noecho,
                Optional.ofNullable(hostKey), knownHosts, idle));
    }

    /** The idle limit for tests ({@code -idle} accepts whole minutes only). */
    public ConnectorOptions withIdle(Duration limit) {
        return new ConnectorOptions(host, password, file, port, verbose, target, targetPort, noecho, hostKey,
                knownHosts, limit);
    }
}
