package org.tollgate.aaa.radius.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.packet.RadiusPacket;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.radius.CiscoDictionary;
import org.tollgate.aaa.radius.MessageAuthenticator;
import org.tollgate.aaa.radius.RadiusAnswer;
import org.tollgate.aaa.radius.RadiusServerSpec;
import org.tollgate.aaa.radius.RadiusSettings;

/**
 * RFC 2865 §3 (Response Authenticator) and RFC 3579 §3.2 (Message-Authenticator) on replies, without
 * a network: a forged or altered Access-Accept is never taken (the BlastRADIUS attack forges exactly
 * such a reply).
 */
class ReplyValidationTest {

    private static final String KEY = "shared-key";
    private final AccessExchange exchange = new AccessExchange(
            new RadiusServerSpec("r", InetAddress.getLoopbackAddress(), 1812, 1813, KEY), RadiusSettings.defaults(),
            "test");
    private final AccessExchange.Encoded request = exchange.encode(new Credentials("786", "54321"));

    /** A reply as a correct server sends it: Message-Authenticator first, then the Response Authenticator. */
    private byte[] reply(int type, boolean withMessageAuthenticator, String key) throws Exception {
        RadiusPacket response = new RadiusPacket(type, request.request().getPacketIdentifier());
        response.setDictionary(CiscoDictionary.get());
        RadiusAttribute ma = new RadiusAttribute(CiscoDictionary.MESSAGE_AUTHENTICATOR, new byte[16]);
        if (withMessageAuthenticator) {
            response.addAttribute(ma);
        }
        response.addAttribute(CiscoDictionary.avPair("h323-ivr-in", "ok"));
        if (withMessageAuthenticator) {
            ByteArrayOutputStream draft = new ByteArrayOutputStream();
            response.encodeResponsePacket(draft, key, request.request());
            byte[] bytes = draft.toByteArray();
            System.arraycopy(request.request().getAuthenticator(), 0, bytes, 4, 16);
            MessageAuthenticator.sign(bytes, bytes.length, key);
            int at = MessageAuthenticator.find(bytes, bytes.length).getAsInt();
            ma.setAttributeData(Arrays.copyOfRange(bytes, at + 2, at + 18));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.encodeResponsePacket(out, key, request.request());
        return out.toByteArray();
    }

    private RadiusAnswer check(byte[] reply) {
        return exchange.check(request.request(), request.request().getAuthenticator(), reply, reply.length);
    }

    @Test
    @DisplayName("a correct Access-Accept is an accept with its Cisco-AVPair; a correct Access-Reject a reject")
    void validReplies() throws Exception {
        RadiusAnswer accept = check(reply(RadiusPacket.ACCESS_ACCEPT, true, KEY));
        assertInstanceOf(RadiusAnswer.Accept.class, accept);
        assertEquals(java.util.List.of("h323-ivr-in=ok"), ((RadiusAnswer.Accept) accept).ciscoAvPairs());
        assertInstanceOf(RadiusAnswer.Reject.class, check(reply(RadiusPacket.ACCESS_REJECT, true, KEY)));
    }

    @Test
    @DisplayName("property: any single changed byte in a valid Access-Accept makes it dropped")
    void anyAlteredByteIsDropped() throws Exception {
        byte[] valid = reply(RadiusPacket.ACCESS_ACCEPT, true, KEY);
        qt().forAll(integers().between(0, valid.length - 1), integers().between(1, 255)).checkAssert((index, mask) -> {
            byte[] altered = valid.clone();
            altered[index] ^= mask.byteValue();
            assertNull(check(altered), "byte " + index + " xor " + mask);
        });
    }

    @Test
    @DisplayName("a reply signed with another key, or without Message-Authenticator (required by default), is dropped")
    void wrongKeyOrUnsigned() throws Exception {
        assertNull(check(reply(RadiusPacket.ACCESS_ACCEPT, true, "other-key")));
        assertNull(check(reply(RadiusPacket.ACCESS_ACCEPT, false, KEY)));
    }

    @Test
    @DisplayName("the Access-Request carries Message-Authenticator as its first attribute, valid for the key")
    void requestSigned() {
        byte[] packet = request.packet();
        assertEquals(CiscoDictionary.MESSAGE_AUTHENTICATOR, packet[20] & 0xff);
        assertEquals(true, MessageAuthenticator.verifyRequest(packet, packet.length, KEY));
    }
}
