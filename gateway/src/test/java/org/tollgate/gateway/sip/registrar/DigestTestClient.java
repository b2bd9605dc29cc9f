package org.tollgate.gateway.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.tollgate.gateway.sip.auth.DigestChallenge;
import org.tollgate.gateway.sip.auth.DigestCredentials;

/** A phone's side of digest authentication, written from RFC 7616 section 3.4.1 independently of the server. */
public final class DigestTestClient {
    private DigestTestClient() {
    }

    public static DigestCredentials answer(DigestChallenge c, String user, String password, String method, String uri) {
        String nc = "00000001";
        String cnonce = "0a4f113b";
        String jca = c.algorithm().token();
        String ha1 = h(jca, user + ":" + c.realm() + ":" + password);
        String ha2 = h(jca, method + ":" + uri);
        String response = h(jca, ha1 + ":" + c.nonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return new DigestCredentials(user, c.realm(), c.nonce(), uri, response, Optional.of(c.algorithm().token()),
                Optional.of("auth"), Optional.of(nc), Optional.of(cnonce));
    }

    static String h(String jca, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
