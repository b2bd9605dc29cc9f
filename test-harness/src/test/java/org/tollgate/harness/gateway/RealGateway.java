package org.tollgate.harness.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real gateway as a separate JVM: {@code java -cp <test classpath> org.tollgate.gateway.Main run
 * --config FILE --no-console --telnet-port P --ssh-port 0 --http-port P --data-dir DIR} on free ports; its
 * output (the log) is collected line by line. {@link #close} sends SIGTERM, {@link #kill} SIGKILL.
 */
final class RealGateway implements AutoCloseable {
    /** How long start-up and shutdown may take before the test gives up (a ceiling, not a timed assertion). */
    static final long LIMIT_SECONDS = 60;

    final int telnetPort;
    /** {@code /metrics} and {@code /health}. */
    final int httpPort;
    private final Process process;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch logEnded = new CountDownLatch(1);

    private RealGateway(Process process, int telnetPort, int httpPort) {
        this.process = process;
        this.telnetPort = telnetPort;
        this.httpPort = httpPort;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    log.add(line);
                    if (line.contains("tollgate 0.1.0 started")) {
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                log.add("(log reader: " + e + ")");
            }
            started.countDown();
            logEnded.countDown();
        });
    }

    /** The repository root (the test runs in {@code test-harness/}). */
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("examples/cme-fac.cfg"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The seed configuration's text. */
    static String seed() throws IOException {
        return Files.readString(repoRoot().resolve("examples/cme-fac.cfg"));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static RealGateway start(Path config, Path dataDir) throws IOException, InterruptedException {
        int telnet = freePort();
        int http = freePort();
        String cp = System.getProperty("surefire.test.class.path");
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"),
                "org.tollgate.gateway.Main", "run", "--config", config.toString(), "--no-console",
                "--telnet-port", Integer.toString(telnet), "--ssh-port", "0", "--http-port", Integer.toString(http),
                "--data-dir", dataDir.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        RealGateway g = new RealGateway(p, telnet, http);
        if (!g.started.await(LIMIT_SECONDS, TimeUnit.SECONDS) || !p.isAlive()) {
            g.kill();
            throw new IllegalStateException("gateway did not start:\n" + String.join("\n", g.log));
        }
        return g;
    }

    /** The value of one series of {@code GET /metrics}, e.g. {@code tollgate_calls_active}; NaN when absent. */
    double metric(String series) throws IOException, InterruptedException {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            String body = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                    .map(l -> Double.parseDouble(l.substring(series.length() + 1).strip())).orElse(Double.NaN);
        }
    }

    List<String> log() {
        return List.copyOf(log);
    }

    /** SIGTERM (through the process handle, so the last log lines are still read); the exit status. */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        logEnded.await(LIMIT_SECONDS, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** SIGKILL: no shutdown code runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate();
        }
    }
}
