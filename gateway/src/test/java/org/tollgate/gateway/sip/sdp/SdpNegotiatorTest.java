package org.tollgate.gateway.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.gateway.sip.sdp.SdpNegotiator.Codec;
import org.tollgate.gateway.sip.sdp.SdpNegotiator.Direction;
import org.tollgate.gateway.sip.sdp.SdpNegotiator.LocalMedia;
import org.tollgate.gateway.sip.sdp.SdpNegotiator.Negotiation;

class SdpNegotiatorTest {
    private static final LocalMedia GW = new LocalMedia(42, 1, "192.0.2.1", 20000, List.of(Codec.PCMU, Codec.PCMA),
            OptionalInt.of(101), Direction.SENDRECV);

    private static String offer(String formats, String extra) {
        return "v=0\r\no=peer 1 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP " + formats + "\r\n" + extra;
    }

    @Test
    @DisplayName("our offer lists PCMU, PCMA and telephone-event 101 with rtpmap, fmtp 0-15, ptime 20")
    void ourOffer() {
        String sdp = SdpNegotiator.offer(GW);
        assertTrue(sdp.contains("m=audio 20000 RTP/AVP 0 8 101\r\n"), sdp);
        assertTrue(sdp.contains("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n"), sdp);
        assertTrue(sdp.contains("c=IN IP4 192.0.2.1\r\n"));
        Negotiation n = SdpNegotiator.answer(sdp, GW);
        assertInstanceOf(Negotiation.Agreed.class, n, "our own offer is acceptable to us");
    }

    @Test
    @DisplayName("RFC 3264: the answer picks the offerer's first codec we support and its telephone-event PT")
    void answerPicksCodec() {
        Negotiation.Agreed a = assertInstanceOf(Negotiation.Agreed.class, SdpNegotiator.answer(
                offer("8 0 96", "a=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-16\r\n"), GW));
        assertEquals(Codec.PCMA, a.selection().codec());
        assertEquals(OptionalInt.of(96), a.selection().telephoneEventPt());
        assertEquals("198.51.100.7", a.selection().remoteAddress());
        assertEquals(4000, a.selection().remotePort());
        assertTrue(a.answerSdp().contains("m=audio 20000 RTP/AVP 8 96\r\n"), a.answerSdp());
    }

    @Test
    @DisplayName("an offer without telephone-event is answered without it (in-band or SIP relay then)")
    void noTelephoneEvent() {
        Negotiation.Agreed a = assertInstanceOf(Negotiation.Agreed.class, SdpNegotiator.answer(offer("0", ""), GW));
        assertEquals(OptionalInt.empty(), a.selection().telephoneEventPt());
        assertTrue(a.answerSdp().contains("m=audio 20000 RTP/AVP 0\r\n"));
    }

    @Test
    @DisplayName("no common codec, no audio or garbage is not acceptable (488)")
    void notAcceptable() {
        assertInstanceOf(Negotiation.NotAcceptable.class, SdpNegotiator.answer(offer("18 4", ""), GW));
        assertInstanceOf(Negotiation.NotAcceptable.class, SdpNegotiator.answer("v=0\r\nbogus", GW));
        assertInstanceOf(Negotiation.NotAcceptable.class, SdpNegotiator.answer("", GW));
    }

    @Test
    @DisplayName("RFC 3264 8.4: a sendonly offer (hold) is answered recvonly and reported as remote hold")
    void hold() {
        Negotiation.Agreed a = assertInstanceOf(Negotiation.Agreed.class,
                SdpNegotiator.answer(offer("0", "a=sendonly\r\n"), GW));
        assertTrue(a.selection().remoteHold());
        assertTrue(a.answerSdp().contains("a=recvonly\r\n"));
        Negotiation.Agreed resume = assertInstanceOf(Negotiation.Agreed.class,
                SdpNegotiator.answer(offer("0", "a=sendrecv\r\n"), GW));
        assertTrue(!resume.selection().remoteHold());
    }

    @Test
    @DisplayName("reading the peer's answer to our offer gives the agreed codec")
    void readAnswer() {
        Negotiation.Agreed a = assertInstanceOf(Negotiation.Agreed.class,
                SdpNegotiator.readAnswer(offer("0 101", "a=rtpmap:101 telephone-event/8000\r\n"), GW));
        assertEquals(Codec.PCMU, a.selection().codec());
        assertEquals(OptionalInt.of(101), a.selection().telephoneEventPt());
    }
}
