package org.tollgate.harness.sip;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real SIPp binary ({@code /usr/bin/sipp}, package sip-tester) on scenarios of
 * {@code src/test/resources/sipp}: one call each ({@code -m 1}), on 127.0.0.1 with ephemeral
 * signalling and media ports so tests never collide.
 */
final class Sipp {
    static final Path SIPP = Path.of("/usr/bin/sipp");

    private static final List<Sipp> RUNNING = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Process process;
    private final Path work;
    final int port;

    private Sipp(Process process, Path work, int port) {
        this.process = process;
        this.work = work;
        this.port = port;
    }

    /** Starts a UAS scenario on {@code port} and waits until it listens there. */
    static Sipp uas(String scenario, int port, String... args) throws Exception {
        Sipp s = start(scenario, port, null, work -> { }, args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!bound(port)) {
            if (System.nanoTime() > deadline || !s.process.isAlive()) {
                throw new AssertionError("SIPp UAS did not start: " + s.output());
            }
            Thread.sleep(20); // readiness poll of an external process, not test logic
        }
        return s;
    }

    /** Runs a UAC scenario against {@code target} (host:port) and returns SIPp's exit code (0: all calls passed). */
    static int uac(String scenario, String target, String... args) throws Exception {
        return uac(scenario, target, work -> { }, args);
    }

    /** Starts a UAC scenario against {@code target} without waiting for it ({@link #await()}). */
    static Sipp uacAsync(String scenario, String target, String... args) throws Exception {
        return start(scenario, freeUdpPort(), target, work -> { }, args);
    }

    /** Prepares SIPp's working directory (files a scenario names relatively, such as captures to play). */
    @FunctionalInterface
    interface WorkDir {
        void prepare(Path work) throws IOException;
    }

    /** As {@link #uac(String, String, String...)}, with {@code prepare} run on the working directory first. */
    static int uac(String scenario, String target, WorkDir prepare, String... args) throws Exception {
        Sipp s = start(scenario, freeUdpPort(), target, prepare, args);
        return s.await();
    }

    /** Waits for the scenario's end; its exit code (0 = every call successful). */
    int await() throws Exception {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sipp did not finish; output in " + work);
        }
        if (process.exitValue() != 0) {
            System.err.println(output());
        }
        return process.exitValue();
    }

    /** SIPp processes started since the last call (for diagnostics after a failure). */
    static List<Sipp> running() {
        List<Sipp> all = List.copyOf(RUNNING);
        RUNNING.clear();
        return all;
    }

    /**
     * How often {@code text} appears in SIPp's output and message trace so far: a readiness poll on the
     * external peer (e.g. "it has received the 200 to its NOTIFY"), never a test's verdict.
     */
    int occurrences(String text) {
        try {
            String out = output();
            int n = 0;
            for (int i = out.indexOf(text); i >= 0; i = out.indexOf(text, i + 1)) {
                n++;
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    /** True while the SIPp process runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    void kill() {
        process.destroyForcibly();
    }

    String output() throws IOException {
        StringBuilder b = new StringBuilder(Files.readString(work.resolve("sipp.out")));
        for (String f : List.of("errors.log", "messages.log")) {
            if (Files.exists(work.resolve(f))) {
                b.append(Files.readString(work.resolve(f)));
            }
        }
        return b.toString();
    }

    private static Sipp start(String scenario, int port, String target, WorkDir prepare, String... args)
            throws Exception {
        assumeTrue(Files.isExecutable(SIPP), "sipp not installed (scripts/install-test-peers.sh)");
        Path sf = resource(scenario);
        Path work = Files.createTempDirectory("sipp");
        prepare.prepare(work);
        List<String> cmd = new ArrayList<>(List.of(SIPP.toString(), "-sf", sf.toString(), "-m", "1", "-i", "127.0.0.1",
                "-p", Integer.toString(port), "-mp", Integer.toString(freeMediaPort()), "-timeout", "20s",
                "-timeout_error", "-nostdin", "-trace_err", "-trace_msg", "-message_file", work.resolve("messages.log").toString(), "-error_file", work.resolve("errors.log").toString()));
        cmd.addAll(List.of(args));
        if (target != null) {
            cmd.add(target);
        }
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("sipp.out").toFile()).start();
        Sipp s = new Sipp(p, work, port);
        RUNNING.add(s);
        return s;
    }

    /** A file with the calling number for {@code -inf} ([field0]). */
    static Path callerFile(String number) throws IOException {
        Path f = Files.createTempFile("sipp-caller", ".csv");
        Files.writeString(f, "SEQUENTIAL\n" + number + ";\n");
        return f;
    }

    private static Path resource(String scenario) throws URISyntaxException {
        return Path.of(Sipp.class.getResource("/sipp/" + scenario).toURI());
    }

    private static boolean bound(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    /** An even port whose next port is free too (SIPp uses media port and +2 for video; RTCP +1). */
    private static int freeMediaPort() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p = freeUdpPort() & ~1;
            if (p > 1024 && !bound(p) && !bound(p + 1) && !bound(p + 2) && !bound(p + 3)) {
                return p;
            }
        }
        return freeUdpPort() & ~1;
    }
}
