package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

/** The SIP edge started from configuration text answers on its port and knows the configured users. */
class SipEdgeTest {

    @Test
    @DisplayName("SipEdge from config: ephone-dn number is a SIP user, INVITE to it gets 480, OPTIONS 200")
    void fromConfig() throws Exception {
        int port;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String text = "hostname gw1\nvoice register global\n source-address 127.0.0.1 port " + port
                + "\nephone-dn 102\n number 786786\nend\n";
        ParseResult r = ConfigParser.parse("t.cfg", text);
        GatewayConfig config = assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
        try (SipEdge edge = SipEdge.start(config, OptionalInt.empty(), Clock.systemUTC(), null);
                RawSipClient c = new RawSipClient("127.0.0.1", edge.server().port())) {
            assertEquals(port, edge.server().port());
            assertEquals("ephone-dn 102", edge.directory().find("786786").orElseThrow().origin());
            assertEquals(200, c.requestUdp(SipMessages.options(c.localUdpPort(), "edge-opt"), "edge-opt", 200)
                    .orElseThrow().status());
            String uri = "sip:786786@127.0.0.1:" + port;
            assertEquals(480, c.requestUdp(SipMessages.request("INVITE", uri, c.localUdpPort(), "e1", "edge-inv", 1, "f",
                    null, "", "application/sdp", SipMessages.SDP_OFFER), "edge-inv", 200).orElseThrow().status());
        }
    }
}
