package org.tollgate.aaa.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tinyradius.packet.RadiusPacket;
import org.tollgate.aaa.local.LocalMethod;
import org.tollgate.aaa.local.LocalUsers;
import org.tollgate.aaa.method.AuthResult;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.method.MethodList;
import org.tollgate.aaa.testing.EmbeddedRadiusServer;
import org.tollgate.aaa.testing.EmbeddedRadiusServer.ReplySigning;
import org.tollgate.callcontrol.time.ManualClock;

/** RADIUS login method against an embedded TinyRadius server (RFC 2865, RFC 3579 §3.2). */
class RadiusGroupTest {

    private static final String SECRET = "s3cret-key";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Credentials GOOD = new Credentials("786", "54321");
    private static final RadiusSettings FAST = RadiusSettings.defaults()
            .withTimeout(Duration.ofMillis(300)).withRetransmit(0).withSourceAddress(LOOPBACK);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<EmbeddedRadiusServer> servers = new java.util.ArrayList<>();

    private EmbeddedRadiusServer server(String secret, ReplySigning signing) throws Exception {
        EmbeddedRadiusServer server = new EmbeddedRadiusServer(secret, Map.of("786", "54321"), signing);
        servers.add(server);
        return server;
    }

    private static RadiusServerSpec spec(String name, int port, String key) {
        return new RadiusServerSpec(name, LOOPBACK, port, port + 1, key);
    }

    private RadiusGroup group(RadiusSettings settings, RadiusServerSpec... specs) {
        return new RadiusGroup("group radius", List.of(specs), settings, clock, "tollgate-test");
    }

    @AfterEach
    void stop() {
        servers.forEach(EmbeddedRadiusServer::close);
    }

    /** A UDP port with nothing listening (bound, then released). */
    private static int closedPort() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    @Test
    @DisplayName("Access-Accept → accepted; the request carried a valid Message-Authenticator, User-Name and NAS-IP-Address")
    void accept() throws Exception {
        EmbeddedRadiusServer server = server(SECRET, ReplySigning.VALID);
        AuthResult result = group(FAST, spec("r1", server.port(), SECRET)).authenticate(GOOD).join();
        assertEquals(new AuthResult.Accepted("786", "group radius"), result);
        assertEquals(1, server.validRequestAuthenticators());
        RadiusPacket request = server.received().get(0);
        assertEquals("786", request.getAttributeValue("User-Name"));
        assertEquals("127.0.0.1", request.getAttributeValue("NAS-IP-Address"));
        assertEquals(CiscoDictionary.MESSAGE_AUTHENTICATOR, request.getAttributes().get(0) instanceof
                org.tinyradius.attribute.RadiusAttribute a ? a.getAttributeType() : -1,
                "Message-Authenticator is the first attribute (BlastRADIUS)");
    }

    @Test
    @DisplayName("Access-Reject → rejected")
    void reject() throws Exception {
        EmbeddedRadiusServer server = server(SECRET, ReplySigning.VALID);
        assertEquals(new AuthResult.Rejected("786", "group radius"),
                group(FAST, spec("r1", server.port(), SECRET)).authenticate(new Credentials("786", "1")).join());
    }

    @Test
    @DisplayName("wrong shared secret: replies fail the authenticator checks and are dropped → unavailable")
    void wrongSecret() throws Exception {
        EmbeddedRadiusServer server = server("other-secret", ReplySigning.VALID);
        AuthResult result = group(FAST, spec("r1", server.port(), SECRET)).authenticate(GOOD).join();
        assertInstanceOf(AuthResult.Unavailable.class, result);
        assertEquals(1, server.requests());
        assertEquals(0, server.validRequestAuthenticators(), "the server could not verify our Message-Authenticator");
    }

    @Test
    @DisplayName("a reply without Message-Authenticator is dropped by default (BlastRADIUS) and accepted when not required")
    void replyWithoutMessageAuthenticator() throws Exception {
        EmbeddedRadiusServer server = server(SECRET, ReplySigning.NONE);
        assertInstanceOf(AuthResult.Unavailable.class,
                group(FAST, spec("r1", server.port(), SECRET)).authenticate(GOOD).join());
        assertInstanceOf(AuthResult.Accepted.class,
                group(FAST.withRequireResponseMessageAuthenticator(false), spec("r1", server.port(), SECRET))
                        .authenticate(GOOD).join());
    }

    @Test
    @DisplayName("a reply with a forged Message-Authenticator is dropped even when not required")
    void forgedMessageAuthenticator() throws Exception {
        EmbeddedRadiusServer server = server(SECRET, ReplySigning.FORGED);
        assertInstanceOf(AuthResult.Unavailable.class,
                group(FAST.withRequireResponseMessageAuthenticator(false), spec("r1", server.port(), SECRET))
                        .authenticate(GOOD).join());
    }

    @Test
    @DisplayName("retransmit: each timeout resends the same request (same identifier) to the same server")
    void retransmits() throws Exception {
        EmbeddedRadiusServer server = server("other-secret", ReplySigning.VALID);
        server.setDuplicateInterval(1);
        group(FAST.withRetransmit(2), spec("r1", server.port(), SECRET)).authenticate(GOOD).join();
        assertEquals(3, server.requests());
        List<RadiusPacket> seen = server.received();
        assertEquals(1, seen.stream().map(RadiusPacket::getPacketIdentifier).distinct().count());
    }

    @Test
    @DisplayName("failover: a server that does not answer is skipped for the next one in the group")
    void failover() throws Exception {
        EmbeddedRadiusServer second = server(SECRET, ReplySigning.VALID);
        AuthResult result = group(FAST, spec("down", closedPort(), SECRET), spec("up", second.port(), SECRET))
                .authenticate(GOOD).join();
        assertEquals(new AuthResult.Accepted("786", "group radius"), result);
    }

    @Test
    @DisplayName("deadtime: a server without answer is marked dead and skipped until its deadtime passes (fake clock)")
    void deadServerMarking() throws Exception {
        EmbeddedRadiusServer silent = server("other-secret", ReplySigning.VALID);
        EmbeddedRadiusServer good = server(SECRET, ReplySigning.VALID);
        RadiusGroup group = group(FAST.withDeadtime(Duration.ofMinutes(10)),
                spec("silent", silent.port(), SECRET), spec("good", good.port(), SECRET));
        assertInstanceOf(AuthResult.Accepted.class, group.authenticate(GOOD).join());
        assertTrue(group.isDead("silent"));
        assertEquals(1, silent.requests());
        assertInstanceOf(AuthResult.Accepted.class, group.authenticate(GOOD).join());
        assertEquals(1, silent.requests(), "dead server skipped");
        clock.advance(Duration.ofMinutes(10));
        group.authenticate(GOOD).join();
        assertEquals(2, silent.requests(), "tried again once the deadtime passed");
    }

    @Test
    @DisplayName("all servers down → unavailable, and the method list falls back to local")
    void downFallsBackToLocal() throws Exception {
        RadiusGroup radius = group(FAST, spec("down", closedPort(), SECRET));
        MethodList list = new MethodList("default",
                List.of(radius, new LocalMethod(LocalUsers.ofCleartext(Map.of("786", "54321")))));
        assertEquals(new AuthResult.Accepted("786", "local"), list.authenticate(GOOD).join());
    }

    @Test
    @DisplayName("the server key never appears in the server's text")
    void keyHidden() {
        assertTrue(!spec("r", 1812, SECRET).toString().contains(SECRET));
    }
}
