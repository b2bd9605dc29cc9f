package org.tollgate.gateway.sip.dtmf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DtmfRelayCodecsTest {

    private static List<DigitEvent> digits(DtmfDecodeResult r) {
        return assertInstanceOf(DtmfDecodeResult.Decoded.class, r).digits();
    }

    @Test
    @DisplayName("sip-info: application/dtmf-relay Signal=5 Duration=160 is digit 5 for 160 ms")
    void infoDtmfRelay() {
        List<DigitEvent> d = digits(SipInfoDtmf.decode("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
        assertEquals(List.of(new DigitEvent('5', Duration.ofMillis(160), DigitEvent.RelayMethod.SIP_INFO)), d);
    }

    @Test
    @DisplayName("sip-info: star, pound, 10/11 codes, LF-only lines, any order, missing duration defaults")
    void infoVariants() {
        assertEquals('*', digits(SipInfoDtmf.decode("application/dtmf-relay", "Signal=*\r\nDuration=100")).get(0).digit());
        assertEquals('#', digits(SipInfoDtmf.decode("Application/DTMF-Relay; x=y", "Duration=100\nSignal=11\n")).get(0).digit());
        assertEquals('*', digits(SipInfoDtmf.decode("application/dtmf-relay", "Signal=10")).get(0).digit());
        assertEquals(SipInfoDtmf.DEFAULT_DURATION,
                digits(SipInfoDtmf.decode("application/dtmf-relay", "Signal=A")).get(0).duration());
        assertEquals('9', digits(SipInfoDtmf.decode("application/dtmf", "9\r\n")).get(0).digit());
    }

    @Test
    @DisplayName("sip-info: malformed bodies are errors with line and column")
    void infoErrors() {
        DtmfDecodeResult.Invalid bad = assertInstanceOf(DtmfDecodeResult.Invalid.class,
                SipInfoDtmf.decode("application/dtmf-relay", "Signal=5\r\nDuration=abc\r\n"));
        assertEquals(2, bad.line());
        assertEquals(10, bad.column());
        assertInstanceOf(DtmfDecodeResult.Invalid.class, SipInfoDtmf.decode("application/dtmf-relay", "Signal=X"));
        assertInstanceOf(DtmfDecodeResult.Invalid.class, SipInfoDtmf.decode("application/dtmf-relay", "Duration=5"));
        assertInstanceOf(DtmfDecodeResult.Invalid.class, SipInfoDtmf.decode("text/plain", "Signal=5"));
        assertInstanceOf(DtmfDecodeResult.Invalid.class, SipInfoDtmf.decode("application/dtmf", ""));
    }

    @Test
    @DisplayName("sip-info: encode then decode gives the same digit and duration for every digit")
    void infoRoundTrip() {
        qt().forAll(integers().between(0, 15), integers().between(0, 60_000)).checkAssert((e, ms) -> {
            DigitEvent ev = new DigitEvent(DigitEvent.digitOfEvent(e), Duration.ofMillis(ms), DigitEvent.RelayMethod.SIP_INFO);
            assertEquals(List.of(ev), digits(SipInfoDtmf.decode(SipInfoDtmf.DTMF_RELAY, SipInfoDtmf.encodeDtmfRelay(ev))));
        });
    }

    @Test
    @DisplayName("sip-notify: Call-Info offering NOTIFY;Event=telephone-event;Duration=2000 is parsed")
    void notifyNegotiation() {
        CiscoNotifyDtmf.Negotiation n = CiscoNotifyDtmf.parseCallInfo(
                "<sip:192.0.2.10:5060>;method=\"NOTIFY;Event=telephone-event;Duration=2000\"").orElseThrow();
        assertEquals("sip:192.0.2.10:5060", n.target());
        assertEquals(Duration.ofMillis(2000), n.duration());
        assertTrue(CiscoNotifyDtmf.parseCallInfo("<sip:a>;method=\"NOTIFY;Event=kpml\"").isEmpty());
        assertTrue(CiscoNotifyDtmf.parseCallInfo("<http://example.com/photo.jpg>;purpose=icon").isEmpty());
        assertEquals(n, CiscoNotifyDtmf.parseCallInfo(CiscoNotifyDtmf.callInfo("sip:192.0.2.10:5060",
                Duration.ofMillis(2000))).orElseThrow());
    }

    @Test
    @DisplayName("sip-notify: the 4-byte telephone-event body carries event, end bit, volume and duration")
    void notifyBody() {
        DigitEvent seven = new DigitEvent('7', Duration.ofMillis(400), DigitEvent.RelayMethod.SIP_NOTIFY);
        assertArrayEquals(new byte[] {7, (byte) 0x8a, 0x01, (byte) 0x90}, CiscoNotifyDtmf.encode(seven, true));
        assertEquals(List.of(seven), digits(CiscoNotifyDtmf.decode(new byte[] {7, 0x0a, 0x01, (byte) 0x90})));
        assertEquals('#', digits(CiscoNotifyDtmf.decode(new byte[] {11, 0, 0, 100})).get(0).digit());
        assertInstanceOf(DtmfDecodeResult.Invalid.class, CiscoNotifyDtmf.decode(new byte[] {16, 0, 0, 100}));
        assertInstanceOf(DtmfDecodeResult.Invalid.class, CiscoNotifyDtmf.decode(new byte[] {1, 2, 3}));
    }

    @Test
    @DisplayName("sip-kpml: RFC 4730 request subscribes persistently to single digits; reports decode to digits")
    void kpml() {
        String request = KpmlDtmf.request("dtmf");
        assertTrue(request.contains("urn:ietf:params:xml:ns:kpml-request"));
        assertTrue(request.contains("persist=\"persist\""));
        List<DigitEvent> d = digits(KpmlDtmf.decodeResponse(KpmlDtmf.response("4#", "dtmf")));
        assertEquals(List.of('4', '#'), d.stream().map(DigitEvent::digit).toList());
        assertTrue(d.stream().allMatch(x -> x.method() == DigitEvent.RelayMethod.SIP_KPML));
        assertTrue(digits(KpmlDtmf.decodeResponse(
                "<kpml-response version=\"1.0\" code=\"423\" text=\"Timer Expired\"/>")).isEmpty());
    }

    @Test
    @DisplayName("sip-kpml: malformed XML gives an error with line and column; DTDs are refused")
    void kpmlErrors() {
        DtmfDecodeResult.Invalid bad = assertInstanceOf(DtmfDecodeResult.Invalid.class,
                KpmlDtmf.decodeResponse("<kpml-response\n code=\"200\" digits=\"1\""));
        assertEquals(2, bad.line());
        assertInstanceOf(DtmfDecodeResult.Invalid.class, KpmlDtmf.decodeResponse(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<kpml-response code=\"200\" digits=\"&e;\"/>"));
        assertInstanceOf(DtmfDecodeResult.Invalid.class, KpmlDtmf.decodeResponse("<other code=\"200\" digits=\"1\"/>"));
    }

    @Test
    @DisplayName("decoders never throw on arbitrary input")
    void total() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(s -> {
            SipInfoDtmf.decode("application/dtmf-relay", s);
            SipInfoDtmf.decode("application/dtmf", s);
            KpmlDtmf.decodeResponse(s);
            CiscoNotifyDtmf.parseCallInfo(s);
            CiscoNotifyDtmf.decode(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }
}
