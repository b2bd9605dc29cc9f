package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.tollgate.gateway.sip.dtmf.DigitEvent;

/** A UDP phone that holds one dialog with the server: INVITE/200/ACK, then INFO DTMF and BYE. */
final class DialogPeer implements AutoCloseable {
    private final RawSipClient socket;
    private final int serverPort;
    private final TestCallHandler handler;
    private final String callId = "dialog-peer-" + System.nanoTime() + "@127.0.0.1";
    private String toTag;

    DialogPeer(int serverPort, TestCallHandler handler) throws IOException {
        this.socket = new RawSipClient("127.0.0.1", serverPort);
        this.serverPort = serverPort;
        this.handler = handler;
    }

    private String uri() {
        return "sip:dialog@127.0.0.1:" + serverPort;
    }

    void establish() throws IOException {
        RawSipClient.SipText ok = socket.requestUdp(SipMessages.request("INVITE", uri(), socket.localUdpPort(), "inv1",
                callId, 1, "peer", null, "", "application/sdp", SipMessages.SDP_OFFER), callId, 200).orElseThrow();
        assertEquals(200, ok.status(), ok.text());
        assertTrue(ok.text().contains("m=audio 30000 RTP/AVP 0 101"), "SDP answer selects PCMU + telephone-event\n" + ok.text());
        String to = ok.header("To").orElseThrow();
        toTag = to.substring(to.indexOf("tag=") + 4);
        socket.sendUdp(SipMessages.request("ACK", uri(), socket.localUdpPort(), "ack1", callId, 1, "peer", toTag, "",
                null, ""));
    }

    void infoDigitAndBye() throws IOException {
        int before = handler.digits.size();
        RawSipClient.SipText info = socket.requestUdp(SipMessages.request("INFO", uri(), socket.localUdpPort(), "info2",
                callId, 2, "peer", toTag, "", "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"), callId, 200)
                .orElseThrow();
        assertEquals(200, info.status(), info.text());
        assertEquals(before + 1, handler.digits.size());
        DigitEvent d = handler.digits.get(before);
        assertEquals('5', d.digit());
        assertEquals(160, d.duration().toMillis());
        RawSipClient.SipText bye = socket.requestUdp(SipMessages.request("BYE", uri(), socket.localUdpPort(), "bye3",
                callId, 3, "peer", toTag, "", null, ""), callId, 200).orElseThrow();
        assertEquals(200, bye.status(), bye.text());
    }

    @Override public void close() {
        socket.close();
    }
}
