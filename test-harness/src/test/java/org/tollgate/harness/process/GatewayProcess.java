package org.tollgate.harness.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real gateway as a separate JVM, for the end-to-end test groups ({@code harness.cli},
 * {@code harness.gateway}): {@code java -cp <test classpath> org.tollgate.gateway.Main run
 * --config FILE --no-console --telnet-port P --ssh-port P --http-port P --data-dir DIR}, started with
 * free loopback ports; its output (the log) is collected line by line. {@link #close} /
 * {@link #terminate} send SIGTERM, {@link #kill} SIGKILL; {@link #runMain} runs a one-shot
 * subcommand ({@code check-config}) to completion.
 */
public final class GatewayProcess implements AutoCloseable {
    /** How long start-up and shutdown may take before the test gives up (a ceiling, not a timed assertion). */
    public static final long LIMIT_SECONDS = 60;

    public final int telnetPort;
    public final int sshPort;
    /** {@code /metrics} and {@code /health}. */
    public final int httpPort;
    public final Path dataDir;
    private final Process process;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch logEnded = new CountDownLatch(1);

    private GatewayProcess(Process process, int telnetPort, int sshPort, int httpPort, Path dataDir) {
        this.process = process;
        this.telnetPort = telnetPort;
        this.sshPort = sshPort;
        this.httpPort = httpPort;
        this.dataDir = dataDir;
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

    /** The seed configuration's text ({@code examples/cme-fac.cfg}). */
    public static String seed() throws IOException {
        return Files.readString(ChildJvm.repoRoot().resolve("examples/cme-fac.cfg"));
    }

    /** Runs {@code Main} with the given arguments to completion (for check-config); output merged. */
    public static Result runMain(String... args) throws IOException, InterruptedException {
        List<String> cmd = ChildJvm.command(List.of(), "org.tollgate.gateway.Main", args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    /** The exit status and merged output of {@link #runMain}. */
    public record Result(int exitCode, String output) {
    }

    /** Starts {@code run} with {@code config} and {@code dataDir}; returns once the gateway logged its start. */
    public static GatewayProcess start(Path config, Path dataDir) throws IOException, InterruptedException {
        int telnet = ChildJvm.freePort();
        int ssh = ChildJvm.freePort();
        int http = ChildJvm.freePort();
        List<String> cmd = ChildJvm.command(List.of(), "org.tollgate.gateway.Main", "run",
                "--config", config.toString(), "--no-console",
                "--telnet-port", Integer.toString(telnet), "--ssh-port", Integer.toString(ssh),
                "--http-port", Integer.toString(http), "--data-dir", dataDir.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        GatewayProcess g = new GatewayProcess(p, telnet, ssh, http, dataDir);
        if (!g.started.await(LIMIT_SECONDS, TimeUnit.SECONDS) || !p.isAlive()) {
            g.kill();
            throw new IllegalStateException("gateway did not start:\n" + String.join("\n", g.log));
        }
        return g;
    }

    /** The value of one series of {@code GET /metrics}, e.g. {@code tollgate_calls_active}; NaN when absent. */
    public double metric(String series) throws IOException, InterruptedException {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            String body = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                    .map(l -> Double.parseDouble(l.substring(series.length() + 1).strip())).orElse(Double.NaN);
        }
    }

    /** The log lines so far. */
    public List<String> log() {
        return List.copyOf(log);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM (through the {@link ProcessHandle}, which unlike {@link Process#destroy()} leaves
     * the output stream open so the last log lines are read) and waits for the exit status.
     */
    public int terminate() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        logEnded.await(LIMIT_SECONDS, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** SIGKILL: no shutdown code runs. */
    public void kill() throws InterruptedException {
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
