package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.gateway.sip.dtmf.DigitEvent;
import org.tollgate.gateway.sip.registrar.SipUser;

/** Issue 5 overload control: past the calls-in-setup limit new INVITEs get 503 + Retry-After, and it recovers. */
class OverloadControlTest {

    /** Rings every INVITE and keeps it unanswered until released. */
    static final class HoldingHandler implements SipCallHandler {
        final List<ServerTransaction> held = new CopyOnWriteArrayList<>();
        final MessageFactory messages;
        SipServer server;

        HoldingHandler() throws Exception {
            messages = SipFactory.getInstance().createMessageFactory();
        }

        @Override public void onInvite(RequestEvent event, ServerTransaction tx) {
            held.add(tx);
            try {
                Response ringing = messages.createResponse(Response.RINGING, event.getRequest());
                ((javax.sip.header.ToHeader) ringing.getHeader("To")).setTag("t" + held.size());
                tx.sendResponse(ringing);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void releaseAll() throws Exception {
            for (ServerTransaction tx : held) {
                tx.sendResponse(messages.createResponse(Response.BUSY_HERE, tx.getRequest()));
                server.callSetupFinished(tx);
            }
            held.clear();
        }

        @Override public void onInDialogRequest(RequestEvent event, ServerTransaction tx) {
        }

        @Override public void onDigit(Dialog dialog, DigitEvent digit) {
        }
    }

    @Test
    @DisplayName("past 2 calls in setup a new INVITE gets 503 with Retry-After; OPTIONS still 200; after release INVITEs are admitted again")
    void overloadAndRecovery() throws Exception {
        HoldingHandler handler = new HoldingHandler();
        try (SipTestServer s = new SipTestServer(List.of(SipUser.open("100", "dn")), handler,
                new SipServerSettings.OverloadSettings(2, 5000, 500, 7));
                RawSipClient c = new RawSipClient("127.0.0.1", s.port())) {
            handler.server = s.server;
            String uri = "sip:100@127.0.0.1:" + s.port();
            for (int i = 1; i <= 2; i++) {
                assertEquals(180, c.requestUdp(invite(uri, c.localUdpPort(), "call-" + i), "call-" + i, 180).orElseThrow()
                        .status());
            }
            assertEquals(2, s.server.callsInSetup());
            RawSipClient.SipText refused = c.requestUdp(invite(uri, c.localUdpPort(), "call-3"), "call-3", 200).orElseThrow();
            assertEquals(503, refused.status(), refused.text());
            assertEquals("7", refused.header("Retry-After").orElseThrow().trim());
            assertTrue(s.server.stats().overloadRejected() >= 1);
            long refusals = s.server.stats().overloadRejected();

            assertEquals(200, c.requestUdp(SipMessages.options(c.localUdpPort(), "opt-during-overload"),
                    "opt-during-overload", 200).orElseThrow().status());

            handler.releaseAll();
            assertEquals(0, s.server.callsInSetup());
            RawSipClient.SipText admitted = c.requestUdp(invite(uri, c.localUdpPort(), "call-4"), "call-4", 180).orElseThrow();
            assertEquals(180, admitted.status(), admitted.text());
            assertEquals(refusals, s.server.stats().overloadRejected(), "no further refusals after recovery");
            handler.releaseAll();
        }
    }

    private static String invite(String uri, int port, String callId) {
        return SipMessages.request("INVITE", uri, port, callId, callId, 1, "f-" + callId, null, "", "application/sdp",
                SipMessages.SDP_OFFER);
    }
}
