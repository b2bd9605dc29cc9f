package org.tollgate.lines.tunnel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.callcontrol.time.ManualClock;

class TunnelPrimitivesTest {
    private static final byte[] SESSION_A = "session-a-exchange-hash".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SESSION_B = "session-b-exchange-hash".getBytes(StandardCharsets.US_ASCII);

    @Test
    @DisplayName("OTP proof: verifies with the same password and session, never with another session or password")
    void proofBindsPasswordAndSession() {
        byte[] k = OtpProof.deriveKey("cisco".toCharArray());
        byte[] proof = OtpProof.prove(k, SESSION_A);
        assertTrue(OtpProof.verify(OtpProof.deriveKey("cisco".toCharArray()), SESSION_A, proof));
        assertFalse(OtpProof.verify(k, SESSION_B, proof), "a proof is useless on another SSH session");
        assertFalse(OtpProof.verify(OtpProof.deriveKey("cisc0".toCharArray()), SESSION_A, proof));
    }

    @Test
    @DisplayName("OTP proof: the password never appears in what is sent (hex HMAC of fixed length)")
    void proofDoesNotContainPassword() {
        qt().withExamples(20).forAll(strings().basicLatinAlphabet().ofLengthBetween(4, 12)).checkAssert(pw -> {
            String sent = OtpProof.proveHex(OtpProof.deriveKey(pw.toCharArray()), SESSION_A);
            assertEquals(OtpProof.PROOF_LENGTH * 2, sent.length());
            assertFalse(sent.contains(pw));
            assertArrayEquals(OtpProof.prove(OtpProof.deriveKey(pw.toCharArray()), SESSION_A), OtpProof.parseHex(sent));
        });
    }

    @Test
    @DisplayName("OTP proof: malformed proofs are rejected as values")
    void malformedProof() {
        assertNull(OtpProof.parseHex("cisco"));
        assertNull(OtpProof.parseHex("zz".repeat(32)));
        assertNull(OtpProof.parseHex(null));
    }

    @Test
    @DisplayName("idle timer: expires exactly after the limit without traffic; traffic restarts it")
    void idleTimer() {
        ManualClock clock = new ManualClock();
        IdleTimer t = new IdleTimer(clock, IdleTimer.DEFAULT_LIMIT);
        clock.advance(Duration.ofMinutes(29));
        assertFalse(t.isExpired());
        t.touch();
        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertFalse(t.isExpired());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(t.isExpired());
        assertEquals(Duration.ofMinutes(30), IdleTimer.DEFAULT_LIMIT);
        assertThrows(IllegalArgumentException.class, () -> new IdleTimer(clock, Duration.ZERO));
    }

    @Test
    @DisplayName("host key: pinned fingerprint accepts only that key; TOFU records then refuses a changed key")
    void hostKeyTrust(@TempDir Path dir) throws Exception {
        SshTunnels.HostKey one = SshTunnels.HostKey.load(dir.resolve("k1"));
        SshTunnels.HostKey two = SshTunnels.HostKey.load(dir.resolve("k2"));
        assertEquals(one.fingerprint(), SshTunnels.HostKey.load(dir.resolve("k1")).fingerprint(),
                "the host key persists across restarts");
        assertTrue(one.fingerprint().startsWith("SHA256:"));
        HostKeyTrust pinned = new HostKeyTrust.Pinned(one.fingerprint());
        assertInstanceOf(HostKeyTrust.Trusted.class, pinned.verify("relay:23", one.publicKey()));
        assertInstanceOf(HostKeyTrust.Mismatch.class, pinned.verify("relay:23", two.publicKey()));

        Path known = dir.resolve("known");
        HostKeyTrust tofu = new HostKeyTrust.TrustOnFirstUse(known);
        assertInstanceOf(HostKeyTrust.TrustedOnFirstUse.class, tofu.verify("relay:23", one.publicKey()));
        assertTrue(Files.readString(known).contains("relay:23 " + one.fingerprint()));
        assertInstanceOf(HostKeyTrust.Trusted.class, tofu.verify("relay:23", one.publicKey()));
        assertInstanceOf(HostKeyTrust.Mismatch.class, tofu.verify("relay:23", two.publicKey()));
        assertInstanceOf(HostKeyTrust.TrustedOnFirstUse.class, tofu.verify("other:80", two.publicKey()));
    }
}
