package org.tollgate.aaa.radius;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 3579 §3.2 Message-Authenticator (attribute 80): HMAC-MD5, keyed with the shared secret, over
 * the whole packet with the attribute's 16 value bytes set to zero. For a request the packet is
 * taken as sent; for a reply the Request Authenticator of the matching request stands in the
 * authenticator field. TinyRadius does not add or check it, so this class does — the BlastRADIUS
 * (CVE-2024-3596) mitigation: every Access-Request carries it and every reply must carry a valid one.
 * The HMAC is the JDK's {@code javax.crypto.Mac}; comparisons use {@link MessageDigest#isEqual}.
 */
public final class MessageAuthenticator {

    private static final int HEADER = 20;
    private static final int LENGTH = 18;

    private MessageAuthenticator() {
    }

    /** The offset of the first Message-Authenticator attribute (its type byte), if any. */
    public static OptionalInt find(byte[] packet, int length) {
        int pos = HEADER;
        while (pos + 2 <= length) {
            int type = packet[pos] & 0xff;
            int attrLength = packet[pos + 1] & 0xff;
            if (attrLength < 2 || pos + attrLength > length) {
                return OptionalInt.empty();
            }
            if (type == CiscoDictionary.MESSAGE_AUTHENTICATOR && attrLength == LENGTH) {
                return OptionalInt.of(pos);
            }
            pos += attrLength;
        }
        return OptionalInt.empty();
    }

    /**
     * Fills in the Message-Authenticator of an encoded request in place (the attribute must be
     * present with any value).
     *
     * @throws IllegalArgumentException when the packet has no Message-Authenticator
     */
    public static void sign(byte[] packet, int length, String secret) {
        int at = find(packet, length).orElseThrow(
                () -> new IllegalArgumentException("packet has no Message-Authenticator attribute"));
        Arrays.fill(packet, at + 2, at + LENGTH, (byte) 0);
        byte[] mac = hmac(packet, length, secret);
        System.arraycopy(mac, 0, packet, at + 2, 16);
    }

    /**
     * Verifies the Message-Authenticator of a reply.
     *
     * @param reply the reply as received
     * @param requestAuthenticator the Request Authenticator of the request it answers
     * @return true when present and valid
     */
    public static boolean verifyReply(byte[] reply, int length, byte[] requestAuthenticator, String secret) {
        OptionalInt at = find(reply, length);
        if (at.isEmpty() || length < HEADER) {
            return false;
        }
        byte[] copy = Arrays.copyOf(reply, length);
        byte[] received = Arrays.copyOfRange(copy, at.getAsInt() + 2, at.getAsInt() + LENGTH);
        System.arraycopy(requestAuthenticator, 0, copy, 4, 16);
        Arrays.fill(copy, at.getAsInt() + 2, at.getAsInt() + LENGTH, (byte) 0);
        return MessageDigest.isEqual(received, hmac(copy, length, secret));
    }

    /**
     * Verifies the Message-Authenticator of a request (as a server does), the packet taken as sent.
     */
    public static boolean verifyRequest(byte[] request, int length, String secret) {
        OptionalInt at = find(request, length);
        if (at.isEmpty()) {
            return false;
        }
        byte[] copy = Arrays.copyOf(request, length);
        byte[] received = Arrays.copyOfRange(copy, at.getAsInt() + 2, at.getAsInt() + LENGTH);
        Arrays.fill(copy, at.getAsInt() + 2, at.getAsInt() + LENGTH, (byte) 0);
        return MessageDigest.isEqual(received, hmac(copy, length, secret));
    }

    private static byte[] hmac(byte[] packet, int length, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            mac.update(packet, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is a mandatory JDK algorithm", e);
        }
    }
}
