package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.gateway.sip.registrar.SipUser;

/** READ_TIMEOUT: a TCP peer that stops in the middle of a message is cut off and blocks nobody. */
class SlowTcpSenderTest {

    @Test
    @DisplayName("a half-sent TCP message does not stop UDP or TCP OPTIONS, and its connection is closed after READ_TIMEOUT")
    void slowSender() throws Exception {
        SipServerSettings d = SipServerSettings.defaults("127.0.0.1", 0);
        SipServerSettings settings = new SipServerSettings(d.bindAddress(), 0, d.threadPoolSize(), d.maxMessageSize(),
                d.congestionControlTimeout(), d.receiveUdpBufferSize(), d.sendUdpBufferSize(), d.maxServerTransactions(),
                d.maxClientTransactions(), d.maxConnections(), d.udpQueueCapacity(), Duration.ofMillis(500), d.overload());
        try (SipTestServer s = new SipTestServer(List.of(SipUser.open("100", "dn")), null, settings);
                RawSipClient c = new RawSipClient("127.0.0.1", s.port());
                Socket slow = new Socket()) {
            slow.connect(new InetSocketAddress("127.0.0.1", s.port()), RawSipClient.WAIT_MS);
            String half = SipMessages.options(c.localUdpPort(), "slow").replace("SIP/2.0/UDP", "SIP/2.0/TCP");
            slow.getOutputStream().write(half.substring(0, half.length() / 2).getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();

            assertEquals(200, c.requestUdp(SipMessages.options(c.localUdpPort(), "udp-while-slow"), "udp-while-slow", 200)
                    .orElseThrow().status());
            assertEquals(200, c.exchangeTcp(SipMessages.options(c.localUdpPort(), "tcp-while-slow")
                    .replace("SIP/2.0/UDP", "SIP/2.0/TCP").getBytes(StandardCharsets.US_ASCII)).orElseThrow().status());

            slow.setSoTimeout(RawSipClient.WAIT_MS);
            InputStream in = slow.getInputStream();
            assertEquals(-1, in.read(), "the server closes the stalled connection");
        }
    }
}
