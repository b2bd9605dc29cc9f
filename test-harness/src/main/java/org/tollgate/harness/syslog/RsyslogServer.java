package org.tollgate.harness.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real rsyslog for interop tests: {@code rsyslogd -n -f <generated conf> -i <pidfile>} in the
 * foreground, with {@code imudp} on a free 127.0.0.1 port, writing every message to two files in
 * a temporary directory: {@link #rawFile()} (the datagram as received, {@code %rawmsg%}) and
 * {@link #parsedFile()} ({@code %hostname%|%app-name%|%msgid%|%msg%}, i.e. what rsyslog's parser
 * made of the framing). {@link #start()} returns once a probe message went through;
 * {@link #close()} stops the process and deletes the directory.
 */
public final class RsyslogServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RsyslogServer.class);

    private final Path directory;
    private final Process process;
    private final int port;

    private RsyslogServer(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** The rsyslogd executable, if installed. */
    public static Optional<Path> executable() {
        return Stream.of("/usr/sbin/rsyslogd", "/sbin/rsyslogd", "/usr/bin/rsyslogd").map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    public static boolean available() {
        return executable().isPresent();
    }

    /** Starts rsyslogd; waits up to {@code timeout} for it to accept messages. */
    public static RsyslogServer start(Duration timeout) throws IOException, InterruptedException {
        Path exe = executable().orElseThrow(() -> new IOException("rsyslogd is not installed"));
        Path dir = Files.createTempDirectory("rsyslog-");
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String conf = """
                global(workDirectory="%1$s")
                module(load="imudp")
                input(type="imudp" address="127.0.0.1" port="%2$d")
                template(name="raw" type="string" string="%%rawmsg%%\\n")
                template(name="parsed" type="string" string="%%hostname%%|%%app-name%%|%%msgid%%|%%msg%%\\n")
                *.* action(type="omfile" file="%1$s/raw.log" template="raw")
                *.* action(type="omfile" file="%1$s/parsed.log" template="parsed")
                """.formatted(dir, port);
        Path confFile = dir.resolve("rsyslog.conf");
        Files.writeString(confFile, conf);
        Process p = new ProcessBuilder(exe.toString(), "-n", "-f", confFile.toString(), "-i",
                dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        RsyslogServer server = new RsyslogServer(dir, p, port);
        String marker = "tollgate-probe-" + UUID.randomUUID();
        Instant deadline = Instant.now().plus(timeout);
        try (DatagramSocket s = new DatagramSocket()) {
            while (Instant.now().isBefore(deadline)) {
                if (!p.isAlive()) {
                    String out = Files.readString(dir.resolve("rsyslogd.out"));
                    server.close();
                    throw new IOException("rsyslogd exited: " + out);
                }
                byte[] b = ("<14>probe: " + marker).getBytes(StandardCharsets.UTF_8);
                s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
                if (server.raw().contains(marker)) {
                    LOG.info("rsyslogd ready on 127.0.0.1:{} ({})", port, dir);
                    return server;
                }
                Thread.sleep(100);
            }
        }
        server.close();
        throw new IOException("rsyslogd did not start within " + timeout);
    }

    /** The UDP port imudp listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    public Path rawFile() {
        return directory.resolve("raw.log");
    }

    public Path parsedFile() {
        return directory.resolve("parsed.log");
    }

    /** Everything received so far, as received. */
    public String raw() throws IOException {
        return Files.exists(rawFile()) ? Files.readString(rawFile()) : "";
    }

    /** Everything received so far, as parsed. */
    public List<String> parsed() throws IOException {
        return Files.exists(parsedFile()) ? Files.readAllLines(parsedFile()) : List.of();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cleaning {}: {}", directory, e.getMessage());
        }
    }
}
