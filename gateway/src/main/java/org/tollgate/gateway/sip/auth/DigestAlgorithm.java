package org.tollgate.gateway.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Digest hash algorithms for SIP (RFC 8760 section 2: SHA-256 preferred, MD5 for old phones). */
public enum DigestAlgorithm {
    /** {@code algorithm=SHA-256} (RFC 8760). */
    SHA_256("SHA-256", "SHA-256"),
    /** {@code algorithm=MD5} (RFC 3261 section 22.4). */
    MD5("MD5", "MD5");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The {@code algorithm} parameter value. */
    public String token() {
        return token;
    }

    /** The algorithm named by a parameter value (case-insensitive); absent means MD5 (RFC 3261). */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of(MD5);
        }
        String upper = token.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.token.equals(upper)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Lower-case hex of the hash of {@code text} in UTF-8 (the "H()" of RFC 7616 section 3.4). */
    public String hashHex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance(jcaName);
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }
}
