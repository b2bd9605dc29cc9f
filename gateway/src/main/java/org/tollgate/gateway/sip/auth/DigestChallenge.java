package org.tollgate.gateway.sip.auth;

import java.util.Objects;

/**
 * One {@code WWW-Authenticate: Digest ...} challenge (RFC 3261 section 22.4, RFC 8760).
 *
 * @param realm the protection realm
 * @param nonce server nonce (opaque, time-stamped, HMAC-protected)
 * @param algorithm hash algorithm
 * @param stale true when the client's credentials were right but the nonce had expired
 */
public record DigestChallenge(String realm, String nonce, DigestAlgorithm algorithm, boolean stale) {
    /** Validates non-null. */
    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** The header value, e.g. {@code Digest realm="tollgate",nonce="...",algorithm=SHA-256,qop="auth"}. */
    public String headerValue() {
        return "Digest realm=\"" + realm + "\",nonce=\"" + nonce + "\",algorithm=" + algorithm.token()
                + ",qop=\"auth\"" + (stale ? ",stale=true" : "");
    }
}
