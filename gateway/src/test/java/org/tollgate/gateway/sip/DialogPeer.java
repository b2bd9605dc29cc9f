package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
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
        socket.sendUdp(SipMessages.request("INVITE", uri(), socket.localUdpPort(), "inv1", callId, 1, "peer", null, "",
                "application/sdp", SipMessages.SDP_OFFER));
        RawSipClient.SipText ok = finalResponse("INVITE");
        assertEquals(200, ok.status(), ok.text());
        assertTrue(ok.text().contains("m=audio 30000 RTP/AVP 0 101"), "SDP answer selects PCMU + telephone-event\n" + ok.text());
        String to = ok.header("To").orElseThrow();
        toTag = to.substring(to.indexOf("tag=") + 4);
        socket.sendUdp(SipMessages.request("ACK", uri(), socket.localUdpPort(), "ack1", callId, 1, "peer", toTag, "",
                null, ""));
    }

    void infoDigitAndBye() throws IOException {
        int before = handler.digits.size();
        socket.sendUdp(SipMessages.request("INFO", uri(), socket.localUdpPort(), "info2", callId, 2, "peer", toTag, "",
                "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
        RawSipClient.SipText info = finalResponse("INFO");
        assertEquals(200, info.status(), info.text());
        assertEquals(before + 1, handler.digits.size());
        DigitEvent d = handler.digits.get(before);
        assertEquals('5', d.digit());
        assertEquals(160, d.duration().toMillis());
        socket.sendUdp(SipMessages.request("BYE", uri(), socket.localUdpPort(), "bye3", callId, 3, "peer", toTag, "",
                null, ""));
        RawSipClient.SipText bye = finalResponse("BYE");
        assertEquals(200, bye.status(), bye.text());
    }

    private RawSipClient.SipText finalResponse(String method) throws IOException {
        for (int i = 0; i < 10; i++) {
            Optional<RawSipClient.SipText> m = socket.awaitUdp(callId, RawSipClient.WAIT_MS);
            assertTrue(m.isPresent(), "no response in the dialog");
            // skip provisional responses and retransmitted responses of earlier requests (a 200 to
            // INVITE is repeated until our ACK gets there)
            if (m.get().status() >= 200 && m.get().header("CSeq").orElse("").endsWith(" " + method)) {
                return m.get();
            }
        }
        throw new AssertionError("no final response");
    }

    @Override public void close() {
        socket.close();
    }
}
