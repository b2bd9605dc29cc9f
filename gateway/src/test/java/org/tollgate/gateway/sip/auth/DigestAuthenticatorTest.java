package org.tollgate.gateway.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.gateway.sip.MutableClock;

class DigestAuthenticatorTest {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    @DisplayName("RFC 7616 3.9.1 test vectors: MD5 and SHA-256 responses for Mufasa")
    void rfc7616Vectors() {
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", DigestAuthenticator.expectedResponse(DigestAlgorithm.MD5,
                "Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html", NONCE,
                Optional.of("00000001"), Optional.of(CNONCE)));
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestAuthenticator.expectedResponse(DigestAlgorithm.SHA_256, "Mufasa", "http-auth@example.org",
                        "Circle of Life", "GET", "/dir/index.html", NONCE, Optional.of("00000001"), Optional.of(CNONCE)));
    }

    @Test
    @DisplayName("RFC 8760: challenges offer SHA-256 first, then MD5, with qop auth and a shared fresh nonce")
    void challenges() {
        DigestAuthenticator a = new DigestAuthenticator("tollgate", new MutableClock(Instant.EPOCH), Duration.ofSeconds(60),
                new SecureRandom());
        var cs = a.challenges(false);
        assertEquals("Digest realm=\"tollgate\",nonce=\"" + cs.get(0).nonce() + "\",algorithm=SHA-256,qop=\"auth\"",
                cs.get(0).headerValue());
        assertEquals(DigestAlgorithm.MD5, cs.get(1).algorithm());
        assertTrue(a.challenges(true).get(0).headerValue().endsWith(",stale=true"));
        assertTrue(!a.challenges(false).get(0).nonce().equals(cs.get(0).nonce()), "nonces are not reused");
    }

    @Test
    @DisplayName("RFC 2069 form (no qop) is accepted for MD5 only")
    void noQop() {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        DigestAuthenticator a = new DigestAuthenticator("r", clock, Duration.ofSeconds(60), new SecureRandom());
        String nonce = a.challenges(false).get(0).nonce();
        String md5 = DigestAuthenticator.expectedResponse(DigestAlgorithm.MD5, "u", "r", "p", "REGISTER", "sip:x", nonce,
                Optional.empty(), Optional.empty());
        assertInstanceOf(DigestAuthenticator.Verification.Valid.class, a.verify(new DigestCredentials("u", "r", nonce,
                "sip:x", md5, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), "REGISTER",
                Optional.of("u"), Optional.of("p")));
        String sha = DigestAuthenticator.expectedResponse(DigestAlgorithm.SHA_256, "u", "r", "p", "REGISTER", "sip:x",
                nonce, Optional.empty(), Optional.empty());
        assertInstanceOf(DigestAuthenticator.Verification.Invalid.class, a.verify(new DigestCredentials("u", "r", nonce,
                "sip:x", sha, Optional.of("SHA-256"), Optional.empty(), Optional.empty(), Optional.empty()), "REGISTER",
                Optional.of("u"), Optional.of("p")));
    }

    @Test
    @DisplayName("credentials never show the response hash in toString")
    void noSecretsInToString() {
        DigestCredentials c = new DigestCredentials("u", "r", "n", "sip:x", "deadbeef", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertTrue(!c.toString().contains("deadbeef"));
        assertTrue(!new org.tollgate.gateway.sip.registrar.SipUser.Credentials("u", "pw123").toString().contains("pw123"));
    }
}
