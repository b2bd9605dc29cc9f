package org.tollgate.harness.radius;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real FreeRADIUS 3.x server for interop tests, started on 127.0.0.1 with free auth/acct ports
 * from a configuration directory generated under a temporary directory, and stopped (process
 * killed, directory deleted) by {@link #close()} or, at the latest, at JVM exit.
 *
 * <p>The generated configuration ({@code radiusd.conf}, {@code users}, {@code acct_users},
 * {@code dictionary}) is deliberately minimal and self-contained (no copy of {@code /etc/freeradius}
 * is needed, so it works as any user):
 * <ul>
 *   <li>one client {@code 127.0.0.1} with the given secret, {@code require_message_authenticator =
 *       yes} (so every request must carry a valid RFC 3579 Message-Authenticator);</li>
 *   <li>{@code files} + {@code pap} authorize and authenticate the users given to the builder
 *       ({@code NAME Cleartext-Password := "PASSWORD"}, plus reply attributes);</li>
 *   <li>every Access-Accept and Access-Reject carries a Message-Authenticator (BlastRADIUS);</li>
 *   <li>{@code reject_delay = 0}, so rejects come back at once;</li>
 *   <li>accounting requests are written by the {@code detail} module to {@link #detailFile()}, for
 *       the CDR tests.</li>
 * </ul>
 * The server runs in the foreground in debug mode ({@code freeradius -f -X -d DIR}); its output is
 * kept ({@link #output()}) for failure messages. Start waits for "Ready to process requests".
 */
public final class FreeRadiusServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FreeRadiusServer.class);
    private static final String READY = "Ready to process requests";
    private static final int OUTPUT_LIMIT = 1 << 20;

    private final Path directory;
    private final Process process;
    private final int authPort;
    private final int acctPort;
    private final String secret;
    private final StringBuffer output;
    private final Thread shutdownHook;

    private FreeRadiusServer(Path directory, Process process, int authPort, int acctPort, String secret,
            StringBuffer output) {
        this.directory = directory;
        this.process = process;
        this.authPort = authPort;
        this.acctPort = acctPort;
        this.secret = secret;
        this.output = output;
        this.shutdownHook = new Thread(this::kill, "freeradius-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The FreeRADIUS executable ({@code freeradius} on Debian, {@code radiusd} elsewhere), if installed. */
    public static Optional<Path> executable() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "freeradius"));
                candidates.add(Path.of(dir, "radiusd"));
            }
        }
        candidates.add(Path.of("/usr/sbin/freeradius"));
        candidates.add(Path.of("/usr/sbin/radiusd"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** True when FreeRADIUS is installed ({@code scripts/install-test-peers.sh} installs it). */
    public static boolean available() {
        return executable().isPresent();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the server listens on (127.0.0.1). */
    public InetAddress address() {
        return InetAddress.getLoopbackAddress();
    }

    public int authPort() {
        return authPort;
    }

    public int acctPort() {
        return acctPort;
    }

    public String secret() {
        return secret;
    }

    /** The generated configuration directory. */
    public Path configDirectory() {
        return directory;
    }

    /** The file the {@code detail} module appends accounting requests to. */
    public Path detailFile() {
        return directory.resolve("radacct").resolve("detail");
    }

    /** The server's debug output so far. */
    public String output() {
        return output.toString();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the server (kills the process and waits for it) and deletes its directory. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs kill() anyway
        }
        deleteRecursively(directory);
    }

    private void kill() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("FreeRADIUS on ports {}/{} stopped", authPort, acctPort);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", root, e.getMessage());
        }
    }

    /** Configures and starts a server. */
    public static final class Builder {
        private String secret = "testing123";
        private final Map<String, String> users = new LinkedHashMap<>();
        private final Map<String, List<String>> replies = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(30);
        private boolean requireMessageAuthenticator = true;
        private boolean signReplies = true;

        private Builder() {
        }

        /** The client's shared secret (default {@code testing123}). */
        public Builder secret(String value) {
            this.secret = Objects.requireNonNull(value, "secret");
            return this;
        }

        /** A user accepted with this cleartext password (PAP). */
        public Builder user(String name, String password) {
            users.put(name, password);
            return this;
        }

        /** A user with reply attributes, each written as in a users file ({@code Cisco-AVPair = "x=y"}). */
        public Builder user(String name, String password, List<String> replyAttributes) {
            users.put(name, password);
            replies.put(name, List.copyOf(replyAttributes));
            return this;
        }

        /** Whether requests without a valid Message-Authenticator are dropped (default yes). */
        public Builder requireMessageAuthenticator(boolean value) {
            this.requireMessageAuthenticator = value;
            return this;
        }

        /** Whether replies carry a Message-Authenticator (default yes). */
        public Builder signReplies(boolean value) {
            this.signReplies = value;
            return this;
        }

        /** How long to wait for the server to be ready (default 30 s). */
        public Builder startTimeout(Duration value) {
            this.startTimeout = Objects.requireNonNull(value, "startTimeout");
            return this;
        }

        /**
         * Generates the configuration and starts FreeRADIUS; returns once it is ready. Retries with
         * new ports if a port was taken between choosing and binding it.
         */
        public FreeRadiusServer start() throws IOException, InterruptedException {
            Path executable = executable().orElseThrow(
                    () -> new IOException("FreeRADIUS is not installed (scripts/install-test-peers.sh)"));
            IOException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    return startOnce(executable);
                } catch (PortTakenException e) {
                    last = e;
                }
            }
            throw last;
        }

        private FreeRadiusServer startOnce(Path executable) throws IOException, InterruptedException {
            int[] ports = freeUdpPorts(2);
            Path dir = Files.createTempDirectory("tollgate-freeradius-");
            writeConfig(dir, ports[0], ports[1]);
            ProcessBuilder pb = new ProcessBuilder(executable.toString(), "-f", "-X", "-d", dir.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true);
            Process process = pb.start();
            StringBuffer output = new StringBuffer();
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = Thread.ofPlatform().daemon().name("freeradius-output").start(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (output.length() < OUTPUT_LIMIT) {
                            output.append(line).append('\n');
                        }
                        if (line.contains(READY)) {
                            ready.countDown();
                        }
                    }
                } catch (IOException e) {
                    // process ended: the stream closes
                }
                ready.countDown();
            });
            boolean signalled = ready.await(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!signalled || !process.isAlive() || !output.toString().contains(READY)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                reader.join(1000);
                deleteRecursively(dir);
                String text = output.toString();
                if (text.contains("Address already in use")) {
                    throw new PortTakenException(text);
                }
                throw new IOException("FreeRADIUS did not start:\n" + tail(text));
            }
            LOG.info("FreeRADIUS ready on 127.0.0.1 auth {} acct {} ({})", ports[0], ports[1], dir);
            return new FreeRadiusServer(dir, process, ports[0], ports[1], secret, output);
        }

        private void writeConfig(Path dir, int authPort, int acctPort) throws IOException {
            Files.createDirectories(dir.resolve("log"));
            Files.createDirectories(dir.resolve("run"));
            Files.createDirectories(dir.resolve("radacct"));
            String sign = signReplies
                    ? "\t\tupdate reply {\n\t\t\tMessage-Authenticator := 0x00\n\t\t}\n"
                    : "";
            String conf = """
                    prefix = /usr
                    exec_prefix = /usr
                    sysconfdir = /etc
                    localstatedir = /var
                    sbindir = /usr/sbin
                    logdir = %1$s/log
                    raddbdir = %1$s
                    radacctdir = %1$s/radacct
                    name = freeradius
                    confdir = ${raddbdir}
                    modconfdir = ${confdir}/mods-config
                    run_dir = %1$s/run
                    db_dir = %1$s
                    libdir = /usr/lib/freeradius
                    pidfile = ${run_dir}/radiusd.pid
                    max_request_time = 30
                    cleanup_delay = 0
                    max_requests = 1024
                    hostname_lookups = no
                    log {
                    	destination = stdout
                    	colourise = no
                    	auth = yes
                    	auth_badpass = no
                    	auth_goodpass = no
                    }
                    security {
                    	allow_core_dumps = no
                    	max_attributes = 200
                    	reject_delay = 0
                    	status_server = yes
                    }
                    thread pool {
                    	start_servers = 2
                    	max_servers = 4
                    	min_spare_servers = 1
                    	max_spare_servers = 3
                    	max_requests_per_server = 0
                    }
                    modules {
                    	pap {
                    	}
                    	files {
                    		filename = ${confdir}/users
                    		acctusersfile = ${confdir}/acct_users
                    	}
                    	detail {
                    		filename = ${radacctdir}/detail
                    		escape_filenames = no
                    		permissions = 0600
                    		header = "%%t"
                    	}
                    }
                    client tollgate {
                    	ipaddr = 127.0.0.1
                    	secret = "%2$s"
                    	require_message_authenticator = %3$s
                    }
                    server default {
                    	listen {
                    		type = auth
                    		ipaddr = 127.0.0.1
                    		port = %4$d
                    	}
                    	listen {
                    		type = acct
                    		ipaddr = 127.0.0.1
                    		port = %5$d
                    	}
                    	authorize {
                    		files
                    		pap
                    	}
                    	authenticate {
                    		Auth-Type PAP {
                    			pap
                    		}
                    	}
                    	preacct {
                    	}
                    	accounting {
                    		detail
                    	}
                    	post-auth {
                    %6$s		Post-Auth-Type REJECT {
                    %6$s		}
                    	}
                    }
                    """.formatted(dir, escape(secret), requireMessageAuthenticator ? "yes" : "no", authPort,
                    acctPort, sign);
            Files.writeString(dir.resolve("radiusd.conf"), conf);
            StringBuilder usersFile = new StringBuilder();
            users.forEach((name, password) -> {
                usersFile.append('"').append(escape(name)).append("\"\tCleartext-Password := \"")
                        .append(escape(password)).append("\"\n");
                List<String> reply = replies.getOrDefault(name, List.of());
                for (int i = 0; i < reply.size(); i++) {
                    usersFile.append('\t').append(reply.get(i)).append(i + 1 < reply.size() ? ",\n" : "\n");
                }
                usersFile.append('\n');
            });
            Files.writeString(dir.resolve("users"), usersFile.toString());
            Files.writeString(dir.resolve("acct_users"), "");
            Files.writeString(dir.resolve("dictionary"), "");
        }

        private static String escape(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        private static int[] freeUdpPorts(int count) {
            List<DatagramSocket> sockets = new ArrayList<>();
            try {
                int[] ports = new int[count];
                for (int i = 0; i < count; i++) {
                    DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                    sockets.add(socket);
                    ports[i] = socket.getLocalPort();
                }
                return ports;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                sockets.forEach(DatagramSocket::close);
            }
        }

        private static String tail(String text) {
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        }
    }

    private static final class PortTakenException extends IOException {
        PortTakenException(String output) {
            super("port taken:\n" + output);
        }
    }
}
