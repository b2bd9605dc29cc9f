package org.tollgate.lines.tunnel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * How a connecting side authenticates the head end: by the SHA-256 fingerprint of its SSH host key
 * (the form {@code SHA256:<base64>} that {@code relayapp} prints at start-up and OpenSSH shows).
 *
 * <ul>
 *   <li>{@link Pinned}: the fingerprint was given on the command line ({@code -hostkey}); any other key is
 *       refused.
 *   <li>{@link TrustOnFirstUse}: a known-relays file (one {@code host:port fingerprint} per line) is
 *       consulted; an unknown relay is accepted and recorded, a known relay presenting another key is
 *       refused.
 * </ul>
 */
public sealed interface HostKeyTrust {

    /** The verdict on one presented key. */
    sealed interface Verdict {
        String fingerprint();
    }

    /** The key matches the pinned or recorded fingerprint. */
    record Trusted(String fingerprint) implements Verdict {}

    /** First contact: the key was recorded in the known-relays file. */
    record TrustedOnFirstUse(String fingerprint, Path file) implements Verdict {}

    /** The key does not match: the connection must be dropped. */
    record Mismatch(String fingerprint, String expected) implements Verdict {}

    /** Judges the key {@code key} presented by {@code hostPort}. */
    Verdict verify(String hostPort, PublicKey key) throws IOException;

    /** The fingerprint form used everywhere: {@code SHA256:<base64 without padding>}. */
    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    /** Only the key with this fingerprint is accepted. */
    record Pinned(String expected) implements HostKeyTrust {
        @Override
        public Verdict verify(String hostPort, PublicKey key) {
            String actual = fingerprint(key);
            return same(actual, expected) ? new Trusted(actual) : new Mismatch(actual, expected);
        }
    }

    /** Trust on first use, remembered in {@code file}. */
    record TrustOnFirstUse(Path file) implements HostKeyTrust {
        @Override
        public synchronized Verdict verify(String hostPort, PublicKey key) throws IOException {
            String actual = fingerprint(key);
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2 && f[0].equals(hostPort)) {
                    return same(actual, f[1]) ? new Trusted(actual) : new Mismatch(actual, f[1]);
                }
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, hostPort + " " + actual + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new TrustedOnFirstUse(actual, file);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
