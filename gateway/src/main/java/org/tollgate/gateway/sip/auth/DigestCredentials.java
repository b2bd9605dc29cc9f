package org.tollgate.gateway.sip.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one {@code Authorization: Digest ...} header.
 *
 * @param username user name
 * @param realm realm echoed from the challenge
 * @param nonce nonce echoed from the challenge
 * @param uri the digest-uri (must equal the Request-URI)
 * @param response the client's response hash (hex)
 * @param algorithm the {@code algorithm} parameter as sent (empty means MD5)
 * @param qop {@code auth}, or empty for RFC 2069 style (accepted for MD5 only)
 * @param nc nonce count (8 hex digits) with qop
 * @param cnonce client nonce with qop
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
        Optional<String> algorithm, Optional<String> qop, Optional<String> nc, Optional<String> cnonce) {
    /** Validates non-null. */
    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(qop, "qop");
        Objects.requireNonNull(nc, "nc");
        Objects.requireNonNull(cnonce, "cnonce");
    }

    @Override public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", uri=" + uri + ", response=***]";
    }
}
