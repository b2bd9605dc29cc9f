package org.tollgate.aaa.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.attribute.VendorSpecificAttribute;
import org.tinyradius.packet.AccountingRequest;
import org.tinyradius.packet.RadiusPacket;

/** The Cisco vendor dictionary (vendor 9) shared by authentication and accounting. */
class CiscoDictionaryTest {

    @Test
    @DisplayName("vendor 9 attributes are known by name and number: Cisco-AVPair, h323 VSAs 23-35, 115, 141")
    void knowsCiscoAttributes() {
        var dictionary = CiscoDictionary.get();
        assertEquals(9, dictionary.getVendorId("Cisco"));
        assertEquals("Cisco-AVPair", dictionary.getAttributeTypeByCode(9, 1).getName());
        for (int code : new int[] {23, 24, 25, 26, 27, 28, 29, 30, 31, 33, 35, 115, 141}) {
            assertTrue(dictionary.getAttributeTypeByCode(9, code) != null, "Cisco VSA " + code);
        }
        assertEquals("h323-disconnect-cause", dictionary.getAttributeTypeByCode(9, 30).getName());
        assertEquals("Message-Authenticator", dictionary.getAttributeTypeByCode(80).getName());
    }

    @Test
    @DisplayName("Cisco-AVPair fac-digits=786 and h323-disconnect-cause=3F survive encode/decode of an Accounting-Request")
    void vsaRoundTrip() throws Exception {
        AccountingRequest request = new AccountingRequest("786786", AccountingRequest.ACCT_STATUS_TYPE_STOP);
        request.setDictionary(CiscoDictionary.get());
        request.addAttribute(CiscoDictionary.avPair("fac-digits", "786"));
        request.addAttribute(CiscoDictionary.h323(CiscoDictionary.H323_DISCONNECT_CAUSE, "3F"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        request.encodeRequestPacket(out, "secret");
        RadiusPacket decoded = RadiusPacket.decodeRequestPacket(CiscoDictionary.get(),
                new ByteArrayInputStream(out.toByteArray()), "secret");
        List<String> values = new java.util.ArrayList<>();
        for (Object o : decoded.getVendorAttributes(9)) {
            for (Object sub : ((VendorSpecificAttribute) o).getSubAttributes()) {
                values.add(((RadiusAttribute) sub).getAttributeValue());
            }
        }
        assertEquals(List.of("fac-digits=786", "h323-disconnect-cause=3F"), values);
    }

    @Test
    @DisplayName("RFC 3579 §3.2: a signed request verifies; any changed byte makes it fail")
    void messageAuthenticatorDetectsTampering() throws Exception {
        org.tinyradius.packet.AccessRequest request = new org.tinyradius.packet.AccessRequest();
        request.setDictionary(CiscoDictionary.get());
        request.addAttribute(new RadiusAttribute(80, new byte[16]));
        request.setUserName("786");
        request.setUserPassword("54321");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        request.encodeRequestPacket(out, "k");
        byte[] packet = out.toByteArray();
        MessageAuthenticator.sign(packet, packet.length, "k");
        assertTrue(MessageAuthenticator.verifyRequest(packet, packet.length, "k"));
        assertFalse(MessageAuthenticator.verifyRequest(packet, packet.length, "other"));
        for (int i = 0; i < packet.length; i++) {
            byte[] copy = packet.clone();
            copy[i] ^= 0x01;
            assertFalse(MessageAuthenticator.verifyRequest(copy, copy.length, "k"), "byte " + i + " changed");
        }
    }
}
