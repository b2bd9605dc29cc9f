package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 4475: every torture message, sent over real UDP or TCP to a running {@link SipServer}, gets
 * the outcome written in {@code sip/rfc4475-expected.tsv}; after each one an OPTIONS ping is still
 * answered, and a dialog established before the suite still works after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Rfc4475TortureTest {

    record Expectation(String file, String section, String transport, String outcome, String check, String rfc) {
        @Override public String toString() {
            return file + " (RFC 4475 " + section + "): " + outcome;
        }
    }

    private SipTestServer server;
    private RawSipClient client;
    private RawSipClient pinger;
    private DialogPeer dialog;
    private int pings;

    @BeforeAll
    void start() throws Exception {
        TestCallHandler handler = new TestCallHandler();
        server = new SipTestServer(SipTestServer.tortureUsers(), handler, SipServerSettings.OverloadSettings.defaults());
        handler.attach(server);
        pinger = new RawSipClient("127.0.0.1", server.port());
        dialog = new DialogPeer(server.port(), handler);
    }

    @AfterAll
    void stop() {
        pinger.close();
        dialog.close();
        server.close();
    }

    static Stream<Expectation> expectations() throws IOException {
        try (InputStream in = Rfc4475TortureTest.class.getResourceAsStream("/sip/rfc4475-expected.tsv")) {
            List<Expectation> out = new ArrayList<>();
            for (String line : new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Expectation(f[0], f[1], f[2], f[3], f[4], f[5]));
            }
            return out.stream();
        }
    }

    @Test
    @Order(1)
    @DisplayName("a dialog is established before the torture suite runs")
    void establishDialog() throws Exception {
        dialog.establish();
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    @DisplayName("RFC 4475 message gets the response the RFC asks for, and OPTIONS is still answered")
    void tortureMessage(Expectation e) throws Exception {
        byte[] message;
        try (InputStream in = getClass().getResourceAsStream("/sip/rfc4475/" + e.file())) {
            message = Objects.requireNonNull(in, e.file()).readAllBytes();
        }
        List<String> allowed = Arrays.asList(e.outcome().split("\\|"));
        long responsesBefore = server.server.stats().responsesAccepted();
        Optional<RawSipClient.SipText> reply;
        try (RawSipClient c = new RawSipClient("127.0.0.1", server.port())) {
            client = c;
            if (e.transport().equals("tcp")) {
                reply = client.exchangeTcp(message);
            } else {
                client.sendUdp(message);
                boolean mustReply = allowed.stream().allMatch(o -> o.matches("[0-9]{3}"));
                reply = firstReplyBeforePing(callIdOf(message), mustReply);
            }
        }
        if (reply.isPresent()) {
            String status = Integer.toString(reply.get().status());
            assertTrue(allowed.contains(status), e.file() + ": got " + status + " but RFC 4475 " + e.section()
                    + " asks for " + e.outcome() + " (" + e.rfc() + ")\n" + reply.get().text());
            if (!e.check().equals("-")) {
                String[] hc = e.check().split("~", 2);
                assertTrue(reply.get().headers(hc[0]).stream().anyMatch(v -> v.contains(hc[1])),
                        e.file() + ": expected header " + hc[0] + " containing " + hc[1] + "\n" + reply.get().text());
            }
        } else if (allowed.contains("response-accepted")) {
            long deadline = System.nanoTime() + RawSipClient.WAIT_MS * 1_000_000L;
            while (server.server.stats().responsesAccepted() <= responsesBefore && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // bounded wait for the stack's worker thread, not a timing assertion
            }
            assertTrue(server.server.stats().responsesAccepted() > responsesBefore,
                    e.file() + ": valid response was not accepted by the parser");
        } else if (!allowed.contains("drop")) {
            fail(e.file() + ": no response, but RFC 4475 " + e.section() + " asks for " + e.outcome());
        }
        String ping = "ping-" + (++pings) + "@tollgate.test";
        assertTrue(pinger.requestUdp(SipMessages.options(pinger.localUdpPort(), ping), ping, 200).isPresent(),
                e.file() + ": OPTIONS ping not answered afterwards");
    }

    @Test
    @Order(3)
    @DisplayName("the dialog established before the torture suite still carries INFO DTMF and ends with BYE")
    void dialogSurvives() throws Exception {
        dialog.infoDigitAndBye();
    }

    /**
     * Sends an OPTIONS ping on the same socket and returns the reply carrying the torture message's
     * Call-ID that arrived before or shortly after the ping's 200, or empty when none did (dropped).
     */
    private Optional<RawSipClient.SipText> firstReplyBeforePing(String tortureCallId, boolean mustReply)
            throws IOException {
        String callId = "ping-" + (++pings) + "@tollgate.test";
        client.sendUdp(SipMessages.options(client.localUdpPort(), callId));
        boolean pingAnswered = false;
        for (int i = 0; i < 20; i++) {
            // once the ping is answered, a reply still in flight gets the full wait when one is required
            Optional<RawSipClient.SipText> m = client.receiveUdp(pingAnswered && !mustReply ? 300 : RawSipClient.WAIT_MS);
            if (m.isEmpty()) {
                assertTrue(pingAnswered, "OPTIONS ping not answered: the stack stopped answering");
                return Optional.empty();
            }
            String got = m.get().header("Call-ID").orElse("");
            if (callId.equals(got)) {
                pingAnswered = true; // a reply may still be in flight on a multi-threaded stack: wait briefly
            } else if (got.equals(tortureCallId)) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** The Call-ID of a raw message ("" when it has none). */
    static String callIdOf(byte[] message) {
        for (String line : new String(message, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            int c = line.indexOf(':');
            if (c > 0) {
                String n = line.substring(0, c).trim();
                if (n.equalsIgnoreCase("Call-ID") || n.equalsIgnoreCase("i")) {
                    return line.substring(c + 1).trim();
                }
            }
        }
        return "";
    }
}
