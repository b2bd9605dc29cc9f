package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

/**
 * Where the SIP edge listens (issue 5, "Stack"): {@code --sip-address} / {@code --sip-port}, else
 * {@code voice register global source-address A port P}; UDP and TCP on the same address and port.
 * Uses loopback addresses other than 127.0.0.1 (all of 127/8 is local on Linux), so a listener on the
 * wrong address is seen as refusing.
 */
class SipBindAddressTest {

    private static GatewayConfig config(String sourceAddress) {
        String text = "hostname gw1\nvoice register global\n source-address " + sourceAddress + "\nend\n";
        ParseResult r = ConfigParser.parse("t.cfg", text);
        return assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
    }

    private static void assertAnswersOptions(String host, int port) throws Exception {
        try (RawSipClient c = new RawSipClient(host, port)) {
            String opt = SipMessages.options(c.localUdpPort(), "bind-" + host).replace("127.0.0.1", host);
            assertEquals(200, c.requestUdp(opt, "bind-" + host, 200).orElseThrow().status(), "UDP on " + host);
            String tcp = SipMessages.options(c.localUdpPort(), "bindt-" + host).replace("127.0.0.1", host)
                    .replace("SIP/2.0/UDP", "SIP/2.0/TCP");
            assertEquals(200, c.exchangeTcp(tcp.getBytes(StandardCharsets.UTF_8)).orElseThrow().status(),
                    "TCP on " + host);
        }
    }

    private static void assertNoTcpListener(String host, int port) {
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 2000);
            }
        }, "nothing listens on " + host + ":" + port);
    }

    @Test
    @DisplayName("voice register global source-address: UDP and TCP listening points bound there answer OPTIONS; other addresses refuse")
    void configuredAddress() throws Exception {
        try (SipEdge edge = SipEdge.start(config("127.0.0.3"), OptionalInt.of(0), Clock.systemUTC(), null)) {
            assertEquals("127.0.0.3", edge.server().address());
            assertAnswersOptions("127.0.0.3", edge.server().port());
            assertNoTcpListener("127.0.0.1", edge.server().port());
        }
    }

    @Test
    @DisplayName("--sip-address overrides source-address: the stack binds UDP and TCP there and answers OPTIONS on both")
    void commandLineAddressWins() throws Exception {
        try (SipEdge edge = SipEdge.start(config("127.0.0.3"), Optional.of("127.0.0.2"), OptionalInt.of(0),
                Clock.systemUTC(), null)) {
            assertEquals("127.0.0.2", edge.server().address());
            assertAnswersOptions("127.0.0.2", edge.server().port());
            assertNoTcpListener("127.0.0.3", edge.server().port());
        }
    }
}
