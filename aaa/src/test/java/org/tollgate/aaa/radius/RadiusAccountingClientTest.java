package org.tollgate.aaa.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tinyradius.attribute.IntegerAttribute;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.attribute.StringAttribute;
import org.tinyradius.attribute.VendorSpecificAttribute;
import org.tinyradius.packet.RadiusPacket;
import org.tollgate.aaa.testing.EmbeddedRadiusServer;

/** RFC 2866 accounting with Cisco VSAs (gw-accounting aaa). */
class RadiusAccountingClientTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final RadiusSettings FAST = RadiusSettings.defaults()
            .withTimeout(Duration.ofMillis(300)).withRetransmit(0);
    private EmbeddedRadiusServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<RadiusAttribute> stopRecord() {
        IntegerAttribute status = new IntegerAttribute(40, 2);
        return List.of(new StringAttribute(1, "786786"), status, new StringAttribute(44, "tollgate-1"),
                CiscoDictionary.avPair("fac-digits", "786"), CiscoDictionary.avPair("fac-status", "success"),
                CiscoDictionary.h323(CiscoDictionary.H323_DISCONNECT_CAUSE, "10"));
    }

    private static RadiusServerSpec spec(String name, int acctPort, String key) {
        return new RadiusServerSpec(name, LOOPBACK, acctPort - 1, acctPort, key);
    }

    @Test
    @DisplayName("a STOP record with Cisco-AVPair fac-digits/fac-status and h323-disconnect-cause is acknowledged")
    void acknowledged() throws Exception {
        server = new EmbeddedRadiusServer("acct-key", Map.of(), EmbeddedRadiusServer.ReplySigning.NONE);
        AccountingAnswer answer = new RadiusAccountingClient(List.of(spec("r1", server.acctPort(), "acct-key")),
                FAST, Clock.systemUTC()).send(stopRecord()).join();
        assertEquals(new AccountingAnswer.Acknowledged("r1"), answer);
        RadiusPacket received = server.received().get(0);
        List<String> values = new java.util.ArrayList<>();
        for (Object o : received.getVendorAttributes(CiscoDictionary.VENDOR_ID)) {
            for (Object sub : ((VendorSpecificAttribute) o).getSubAttributes()) {
                values.add(new String(((RadiusAttribute) sub).getAttributeData(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("fac-digits=786", "fac-status=success", "h323-disconnect-cause=10"), values);
    }

    @Test
    @DisplayName("wrong shared secret: the reply fails the Response Authenticator check → not acknowledged")
    void wrongSecret() throws Exception {
        server = new EmbeddedRadiusServer("other", Map.of(), EmbeddedRadiusServer.ReplySigning.NONE);
        assertInstanceOf(AccountingAnswer.NotAcknowledged.class,
                new RadiusAccountingClient(List.of(spec("r1", server.acctPort(), "acct-key")), FAST, Clock.systemUTC())
                        .send(stopRecord()).join());
    }

    @Test
    @DisplayName("failover: the first accounting server is down, the second acknowledges")
    void failover() throws Exception {
        server = new EmbeddedRadiusServer("acct-key", Map.of(), EmbeddedRadiusServer.ReplySigning.NONE);
        int closed;
        try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
            closed = socket.getLocalPort();
        }
        AccountingAnswer answer = new RadiusAccountingClient(
                List.of(spec("down", closed, "acct-key"), spec("up", server.acctPort(), "acct-key")), FAST,
                Clock.systemUTC()).send(stopRecord()).join();
        assertEquals(new AccountingAnswer.Acknowledged("up"), answer);
        assertTrue(server.requests() >= 1);
    }
}
