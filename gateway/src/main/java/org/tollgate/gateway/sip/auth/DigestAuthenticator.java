package org.tollgate.gateway.sip.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Digest authentication for SIP (RFC 3261 section 22.4, RFC 7616 hashing, RFC 8760
 * algorithms), {@code qop=auth}.
 *
 * <p>Nonces are stateless: {@code base64url(issued-at seconds | 8 random bytes | HMAC-SHA256
 * truncated to 16 bytes)} under a per-process random key, so a forged nonce is rejected and an old
 * one is recognised as stale ({@code stale=true}, RFC 7616 section 3.3) once it is older than the
 * nonce lifetime (default 300 s). Nonce-count replay is not tracked: within the lifetime a captured
 * response can be replayed for the same method and URI.
 *
 * <p>No user enumeration: for an unknown user {@link #verify} is still computed against a dummy
 * secret and returns the same {@link Verification.Invalid} as a wrong password.
 */
public final class DigestAuthenticator {
    /** Default nonce lifetime. */
    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofSeconds(300);

    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;

    private final String realm;
    private final Clock clock;
    private final Duration nonceLifetime;
    private final SecureRandom random;
    private final SecretKeySpec key;
    private final List<DigestAlgorithm> offered;

    /**
     * An authenticator offering SHA-256 then MD5 ({@link #DEFAULT_ALGORITHMS}).
     *
     * @param realm the realm offered in challenges (e.g. the gateway's host name)
     * @param clock time source for nonce ageing
     * @param nonceLifetime how long a nonce is fresh
     * @param random source of the HMAC key and nonce randomness
     */
    public DigestAuthenticator(String realm, Clock clock, Duration nonceLifetime, SecureRandom random) {
        this(realm, clock, nonceLifetime, random, DEFAULT_ALGORITHMS);
    }

    /** Default offer: SHA-256, then MD5 (RFC 8760 section 2.4: most preferred first). */
    public static final List<DigestAlgorithm> DEFAULT_ALGORITHMS = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

    /**
     * An authenticator offering {@code algorithms} in this order. Some clients take the first
     * challenge instead of the first they support (SIPp 3.6 only does MD5 and fails on a leading
     * SHA-256 challenge); for them put MD5 first.
     *
     * @param algorithms challenges offered, most preferred first; not empty
     */
    public DigestAuthenticator(String realm, Clock clock, Duration nonceLifetime, SecureRandom random,
            List<DigestAlgorithm> algorithms) {
        this.offered = List.copyOf(algorithms);
        if (offered.isEmpty()) {
            throw new IllegalArgumentException("no digest algorithm offered");
        }
        this.realm = Objects.requireNonNull(realm, "realm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonceLifetime = Objects.requireNonNull(nonceLifetime, "nonceLifetime");
        this.random = Objects.requireNonNull(random, "random");
        byte[] k = new byte[32];
        random.nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    /** The realm offered. */
    public String realm() {
        return realm;
    }

    /** Fresh challenges, one per offered algorithm in order, sharing one nonce (RFC 8760 section 2.4). */
    public List<DigestChallenge> challenges(boolean stale) {
        String nonce = newNonce();
        return offered.stream().map(a -> new DigestChallenge(realm, nonce, a, stale)).toList();
    }

    /**
     * Checks one set of credentials.
     *
     * @param credentials what the client sent
     * @param method the request method (part of HA2)
     * @param expectedUsername the configured user name, or empty for an unknown user
     * @param password the configured secret, or empty for an unknown user
     */
    public Verification verify(DigestCredentials credentials, String method, Optional<String> expectedUsername,
            Optional<String> password) {
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(credentials.algorithm().orElse(""));
        if (algorithm.isEmpty()) {
            return new Verification.Invalid("unsupported algorithm");
        }
        DigestAlgorithm alg = algorithm.get();
        if (!offered.contains(alg)) {
            return new Verification.Invalid("algorithm not offered");
        }
        String secret = password.orElse("\u0000unknown-user");
        String user = expectedUsername.orElse(credentials.username());
        if (credentials.qop().isPresent()) {
            if (!"auth".equalsIgnoreCase(credentials.qop().get()) || credentials.nc().isEmpty()
                    || credentials.cnonce().isEmpty()) {
                return new Verification.Invalid("unsupported qop");
            }
        } else if (alg != DigestAlgorithm.MD5) {
            return new Verification.Invalid("qop required");
        }
        String expected = expectedResponse(alg, user, realm, secret, method, credentials.uri(), credentials.nonce(),
                credentials.qop().map(q -> credentials.nc().orElse("")), credentials.cnonce());
        boolean responseOk = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        boolean userOk = expectedUsername.isPresent() && password.isPresent()
                && expectedUsername.get().equals(credentials.username());
        boolean realmOk = realm.equals(credentials.realm());
        NonceState nonceState = checkNonce(credentials.nonce());
        if (!(responseOk && userOk && realmOk) || nonceState == NonceState.FORGED) {
            return new Verification.Invalid("credentials rejected");
        }
        if (nonceState == NonceState.STALE) {
            return new Verification.Stale();
        }
        return new Verification.Valid(credentials.username());
    }

    /**
     * The digest response (RFC 7616 section 3.4.1 with {@code qop=auth}; RFC 2069 form when
     * {@code nc} is empty): {@code H(H(user:realm:password):nonce:nc:cnonce:auth:H(method:uri))}.
     */
    public static String expectedResponse(DigestAlgorithm alg, String user, String realm, String password,
            String method, String uri, String nonce, Optional<String> nc, Optional<String> cnonce) {
        String ha1 = alg.hashHex(user + ":" + realm + ":" + password);
        String ha2 = alg.hashHex(method + ":" + uri);
        if (nc.isPresent()) {
            return alg.hashHex(ha1 + ":" + nonce + ":" + nc.get() + ":" + cnonce.orElse("") + ":auth:" + ha2);
        }
        return alg.hashHex(ha1 + ":" + nonce + ":" + ha2);
    }

    /** Result of {@link #verify}. */
    public sealed interface Verification {
        /** Credentials are right and the nonce is fresh. */
        record Valid(String username) implements Verification {
        }

        /** Credentials are right but the nonce is too old: challenge again with {@code stale=true}. */
        record Stale() implements Verification {
        }

        /** Wrong user, password, realm, algorithm or forged nonce (indistinguishable to the client). */
        record Invalid(String why) implements Verification {
        }
    }

    private enum NonceState { FRESH, STALE, FORGED }

    private String newNonce() {
        ByteBuffer buf = ByteBuffer.allocate(8 + RANDOM_BYTES + MAC_BYTES);
        buf.putLong(clock.instant().getEpochSecond());
        byte[] r = new byte[RANDOM_BYTES];
        random.nextBytes(r);
        buf.put(r);
        buf.put(mac(Arrays.copyOf(buf.array(), 8 + RANDOM_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    private NonceState checkNonce(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return NonceState.FORGED;
        }
        if (raw.length != 8 + RANDOM_BYTES + MAC_BYTES) {
            return NonceState.FORGED;
        }
        byte[] body = Arrays.copyOf(raw, 8 + RANDOM_BYTES);
        byte[] tag = Arrays.copyOfRange(raw, 8 + RANDOM_BYTES, raw.length);
        if (!MessageDigest.isEqual(mac(body), tag)) {
            return NonceState.FORGED;
        }
        long issued = ByteBuffer.wrap(body).getLong();
        long age = clock.instant().getEpochSecond() - issued;
        return age < 0 || age > nonceLifetime.toSeconds() ? NonceState.STALE : NonceState.FRESH;
    }

    private byte[] mac(byte[] data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return Arrays.copyOf(m.doFinal(data), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks HmacSHA256", e);
        }
    }
}
