package org.tollgate.harness.modem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Two pseudo-terminals joined back to back by {@code socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B}:
 * whatever is written to one end is read from the other, like a null-modem cable. The gateway opens one end
 * as a serial port (jSerialComm opens pseudo-terminals by path; they are not in its port scan).
 *
 * <p>Needs the Debian {@code socat} package ({@code scripts/install-test-peers.sh}).
 */
public final class SocatPtyPair implements AutoCloseable {

    /** How long to wait for socat to create the links. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path a;
    private final Path b;

    private SocatPtyPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    /** Starts socat with links {@code dir/name-dte} and {@code dir/name-modem}. */
    public static SocatPtyPair start(Path dir, String name) throws IOException {
        Path a = dir.resolve(name + "-dte");
        Path b = dir.resolve(name + "-modem");
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        Process p = new ProcessBuilder(List.of("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b))
                .redirectErrorStream(true).start();
        Thread.ofVirtual().name("socat-" + name).start(() -> drain(p.getInputStream()));
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        // socat creates the links asynchronously; this is setup, not test logic
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                p.destroy();
                throw new IOException("socat did not create " + a + " and " + b);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroy();
                throw new IOException("interrupted while starting socat", e);
            }
        }
        return new SocatPtyPair(p, a, b);
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // socat ended
        }
    }

    /** The end for the terminal side (the gateway, or the test's terminal). */
    public Path dteEnd() {
        return a;
    }

    /** The end the emulated modem sits on. */
    public Path modemEnd() {
        return b;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
