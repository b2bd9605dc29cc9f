package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.tollgate.gateway.sip.internal.SipMessageGuard;

/**
 * Jazzer fuzz test of the SIP message path: each input goes to a running {@link SipServer} as a
 * UDP datagram (and, when its first byte is odd, also over a TCP connection), after which the
 * server must still answer an OPTIONS ping; the pure guard functions must never throw on it.
 *
 * <p>In a normal {@code mvn verify} Jazzer runs in regression mode over the seed corpus in
 * {@code src/test/resources/org/tollgate/gateway/sip/SipMessageFuzzTestInputs/fuzzMessagePath}
 * (RFC 4475 messages). To fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -pl gateway test -Dtest=SipMessageFuzzTest -Djazzer.max_duration=10m}
 * (see docs/sip.md); crashing inputs are written next to the seeds and become regression cases.
 */
class SipMessageFuzzTest {
    private static SipTestServer server;
    private static RawSipClient client;
    private static int pings;

    @BeforeAll
    static void start() throws Exception {
        server = new SipTestServer(List.of(org.tollgate.gateway.sip.registrar.SipUser.open("user", "dn")), null,
                SipServerSettings.OverloadSettings.defaults());
        client = new RawSipClient("127.0.0.1", server.port());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @FuzzTest
    void fuzzMessagePath(byte[] input) throws IOException {
        SipMessageGuard.checkRaw(input, true);
        SipMessageGuard.checkRaw(input, false);
        SipMessageGuard.sanitizeForResponse(input);
        if (input.length == 0 || input.length > 60_000) {
            return;
        }
        client.sendUdp(input);
        if ((input[0] & 1) == 1) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), RawSipClient.WAIT_MS);
                OutputStream out = s.getOutputStream();
                out.write(input);
                out.write("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                s.shutdownOutput();
            }
        }
        String callId = "fuzz-ping-" + (++pings);
        assertTrue(client.requestUdp(SipMessages.options(client.localUdpPort(), callId), callId, 200).isPresent(),
                "OPTIONS not answered after a fuzzed message: the stack stopped answering");
    }
}
