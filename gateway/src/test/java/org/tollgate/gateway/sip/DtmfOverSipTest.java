package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.gateway.sip.dtmf.DigitEvent;
import org.tollgate.gateway.sip.dtmf.KpmlDtmf;

/** Issue 5 DTMF relay: INFO, Cisco NOTIFY and KPML in a dialog all reach the same digit stream. */
class DtmfOverSipTest {
    private SipTestServer server;
    private TestCallHandler handler;
    private RawSipClient phone;
    private final String callId = "dtmf-" + System.nanoTime();
    private String toTag;
    private long cseq = 1;

    @BeforeEach
    void establish() throws Exception {
        handler = new TestCallHandler();
        server = new SipTestServer(SipTestServer.tortureUsers(), handler, SipServerSettings.OverloadSettings.defaults());
        handler.attach(server);
        phone = new RawSipClient("127.0.0.1", server.port());
        RawSipClient.SipText ok = phone.requestUdp(SipMessages.request("INVITE", uri(), phone.localUdpPort(), "i1", callId,
                cseq, "ph", null, "", "application/sdp", SipMessages.SDP_OFFER), callId, 200).orElseThrow();
        assertEquals(200, ok.status(), ok.text());
        String to = ok.header("To").orElseThrow();
        toTag = to.substring(to.indexOf("tag=") + 4);
        phone.sendUdp(SipMessages.request("ACK", uri(), phone.localUdpPort(), "a1", callId, cseq, "ph", toTag, "", null, ""));
    }

    @AfterEach
    void stop() {
        phone.close();
        server.close();
    }

    private String uri() {
        return "sip:dialog@127.0.0.1:" + server.port();
    }

    private int send(String method, String extra, String type, byte[] body) throws Exception {
        cseq++;
        String head = SipMessages.request(method, uri(), phone.localUdpPort(), "b" + cseq, callId, cseq, "ph", toTag,
                extra, type, "");
        head = head.replace("Content-Length: 0\r\n", "Content-Length: " + body.length + "\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        return phone.requestUdp(out.toByteArray(), callId, 200).orElseThrow().status();
    }

    @Test
    @DisplayName("INFO dtmf-relay, INFO dtmf, Cisco NOTIFY telephone-event and KPML NOTIFY give one digit stream")
    void allMethodsReachTheDigitStream() throws Exception {
        assertEquals(200, send("INFO", "", "application/dtmf-relay",
                "Signal=7\r\nDuration=160\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(200, send("INFO", "", "application/dtmf", "8".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(200, send("NOTIFY", "Event: telephone-event\r\n", "audio/telephone-event",
                new byte[] {11, (byte) 0x8a, 0x00, (byte) 0xa0}));
        assertEquals(200, send("NOTIFY", "Event: kpml\r\nSubscription-State: active;expires=3600\r\n",
                KpmlDtmf.RESPONSE_TYPE, KpmlDtmf.response("1*", "dtmf").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of('7', '8', '#', '1', '*'), handler.digits.stream().map(DigitEvent::digit).toList());
        assertEquals(List.of(DigitEvent.RelayMethod.SIP_INFO, DigitEvent.RelayMethod.SIP_INFO,
                DigitEvent.RelayMethod.SIP_NOTIFY, DigitEvent.RelayMethod.SIP_KPML, DigitEvent.RelayMethod.SIP_KPML),
                handler.digits.stream().map(DigitEvent::method).toList());
        assertEquals(160, handler.digits.get(2).duration().toMillis());
    }

    @Test
    @DisplayName("a bad DTMF body gets 415, an unknown event package 489, and no digit is delivered")
    void badBodies() throws Exception {
        assertEquals(415, send("INFO", "", "application/dtmf-relay", "Signal=Z\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(489, send("NOTIFY", "Event: presence\r\n", "text/plain", "x".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of(), handler.digits);
    }
}
