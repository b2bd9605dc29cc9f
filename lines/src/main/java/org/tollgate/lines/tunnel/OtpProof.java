package org.tollgate.lines.tunnel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof of knowledge of a one-time password, so that the password itself never crosses the network.
 *
 * <p>Secure telnet spec, "the one-time password is transformed before it is sent to the relay": instead of
 * the seed's bit manipulation both sides derive a key {@code K = PBKDF2-HMAC-SHA256(password, salt, 20000
 * iterations, 256 bits)} with the fixed salt {@value #SALT}; the connector sends {@code HMAC-SHA256(K,
 * "tndconnect-proof-v1" || sessionId)} as its SSH password, where {@code sessionId} is the SSH exchange hash
 * of that connection (fresh per connection, with randomness from both sides). A proof is therefore useless on
 * any other connection, and the relay, which only learns the password when the engineer types it, can check
 * the proof then. All primitives are the JDK's ({@link Mac}, {@link SecretKeyFactory}); comparisons use
 * {@link MessageDigest#isEqual}.
 */
public final class OtpProof {
    /** Minimum length of a one-time password (seed: "any 4+ character string"). */
    public static final int MIN_LENGTH = 4;
    /** PBKDF2 iteration count. */
    public static final int ITERATIONS = 20_000;
    /** PBKDF2 salt (fixed: the relay must derive the same key from the engineer's input alone). */
    public static final String SALT = "tollgate-secure-telnet-v1";
    private static final byte[] LABEL = "tndconnect-proof-v1".getBytes(StandardCharsets.US_ASCII);
    /** Length in bytes of a proof. */
    public static final int PROOF_LENGTH = 32;

    private OtpProof() {}

    /** Derives the password key {@code K}; the caller should clear {@code password} afterwards. */
    public static byte[] deriveKey(char[] password) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, SALT.getBytes(StandardCharsets.US_ASCII), ITERATIONS, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    /** The proof for one SSH session: {@code HMAC-SHA256(key, label || sessionId)}. */
    public static byte[] prove(byte[] key, byte[] sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(LABEL);
            return mac.doFinal(sessionId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** {@link #prove} as lower-case hex, the form sent as the SSH password. */
    public static String proveHex(byte[] key, byte[] sessionId) {
        return HexFormat.of().formatHex(prove(key, sessionId));
    }

    /** Parses a hex proof; returns {@code null} when it is not exactly {@link #PROOF_LENGTH} bytes of hex. */
    public static byte[] parseHex(String hex) {
        if (hex == null || hex.length() != PROOF_LENGTH * 2) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True when {@code proof} was made with {@code key} on the session {@code sessionId} (constant time). */
    public static boolean verify(byte[] key, byte[] sessionId, byte[] proof) {
        return MessageDigest.isEqual(prove(key, sessionId), proof);
    }
}
