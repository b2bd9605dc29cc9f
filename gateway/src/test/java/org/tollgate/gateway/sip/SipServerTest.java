package org.tollgate.gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.gateway.sip.auth.DigestAlgorithm;
import org.tollgate.gateway.sip.auth.DigestChallenge;
import org.tollgate.gateway.sip.auth.DigestCredentials;
import org.tollgate.gateway.sip.registrar.DigestTestClient;
import org.tollgate.gateway.sip.registrar.SipUser;

/** The running SIP endpoint: OPTIONS, REGISTER with digest over real sockets, logging without log4j. */
class SipServerTest {
    private SipTestServer server;
    private RawSipClient client;

    @BeforeEach
    void start() throws Exception {
        server = new SipTestServer(List.of(SipUser.withPassword("786786", "phone786", "pw-786", "ephone-dn 102"),
                SipUser.open("100", "voice register dn 1")), null, SipServerSettings.OverloadSettings.defaults());
        client = new RawSipClient("127.0.0.1", server.port());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    @DisplayName("OPTIONS over UDP and TCP is answered 200 with Allow, Accept and Supported (RFC 3261 11.2)")
    void options() throws Exception {
        RawSipClient.SipText udp = client.requestUdp(SipMessages.options(client.localUdpPort(), "opt-udp"), "opt-udp", 200)
                .orElseThrow();
        RawSipClient.SipText tcp = client.exchangeTcp(SipMessages.options(client.localUdpPort(), "opt-tcp")
                .replace("SIP/2.0/UDP", "SIP/2.0/TCP").getBytes(StandardCharsets.UTF_8)).orElseThrow();
        for (RawSipClient.SipText r : List.of(udp, tcp)) {
            assertEquals(200, r.status(), r.text());
            assertTrue(r.header("Allow").orElseThrow().contains("INVITE"), r.text());
            assertTrue(r.header("Accept").orElseThrow().contains("application/sdp"), r.text());
            assertTrue(r.header("Supported").isPresent(), r.text());
        }
    }

    @Test
    @DisplayName("REGISTER with digest: 401 challenge, then 200 with the binding; refresh; Expires 0 unregisters")
    void registerWithDigest() throws Exception {
        String uri = "sip:127.0.0.1:" + server.port();
        RawSipClient.SipText challenge = client.requestUdp(register(uri, 1, "3600", ""), "reg-1", 200).orElseThrow();
        assertEquals(401, challenge.status(), challenge.text());
        List<String> offers = challenge.headers("WWW-Authenticate");
        assertEquals(2, offers.size(), challenge.text());
        assertTrue(offers.get(0).contains("algorithm=SHA-256") && offers.get(1).contains("algorithm=MD5"), challenge.text());

        RawSipClient.SipText ok = client.requestUdp(register(uri, 2, "3600", authorization(offers.get(0), uri)), "reg-1",
                200).orElseThrow();
        assertEquals(200, ok.status(), ok.text());
        assertTrue(ok.header("Contact").orElseThrow().contains("expires=3600"), ok.text());
        assertEquals(1, server.bindings.lookup("786786").size());

        RawSipClient.SipText gone = client.requestUdp(register(uri, 3, "0", authorization(offers.get(1), uri)), "reg-1",
                200).orElseThrow();
        assertEquals(200, gone.status(), gone.text());
        assertTrue(gone.header("Contact").isEmpty(), gone.text());
        assertTrue(server.bindings.lookup("786786").isEmpty());
    }

    @Test
    @DisplayName("a wrong password and an unknown number get the same 401 (no user enumeration)")
    void noEnumerationOverSip() throws Exception {
        String uri = "sip:127.0.0.1:" + server.port();
        String offer = client.requestUdp(register(uri, 1, "3600", ""), "reg-1", 200).orElseThrow()
                .headers("WWW-Authenticate").get(0);
        RawSipClient.SipText wrong = client.requestUdp(register(uri, 2, "3600", authorization(offer, uri)
                .replaceAll("response=\"[0-9a-f]+\"", "response=\"" + "0".repeat(64) + "\"")), "reg-1", 200).orElseThrow();
        RawSipClient.SipText unknown = client.requestUdp(register(uri, 3, "3600", "").replace("786786", "555555"),
                "reg-1", 200).orElseThrow();
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.headers("WWW-Authenticate").size(), unknown.headers("WWW-Authenticate").size());
    }

    @Test
    @DisplayName("the stack runs with log4j 1.x absent from the class path")
    void noLog4j() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.log4j.Logger"));
        assertEquals(200, client.requestUdp(SipMessages.options(client.localUdpPort(), "opt-nolog4j"), "opt-nolog4j", 200)
                .orElseThrow().status());
    }

    private String register(String uri, long cseq, String expires, String authorization) {
        int port = client.localUdpPort();
        return "REGISTER " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";rport;branch=z9hG4bKreg" + cseq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:786786@127.0.0.1>;tag=r1\r\n"
                + "To: <sip:786786@127.0.0.1>\r\n"
                + "Call-ID: reg-1\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:786786@127.0.0.1:" + port + ">\r\n"
                + "Expires: " + expires + "\r\n"
                + authorization
                + "Content-Length: 0\r\n\r\n";
    }

    private static String authorization(String wwwAuthenticate, String uri) {
        DigestChallenge c = new DigestChallenge(param(wwwAuthenticate, "realm"), param(wwwAuthenticate, "nonce"),
                DigestAlgorithm.fromToken(param(wwwAuthenticate, "algorithm")).orElseThrow(), false);
        DigestCredentials d = DigestTestClient.answer(c, "phone786", "pw-786", "REGISTER", uri);
        return "Authorization: Digest username=\"" + d.username() + "\",realm=\"" + d.realm() + "\",nonce=\"" + d.nonce()
                + "\",uri=\"" + d.uri() + "\",response=\"" + d.response() + "\",algorithm=" + c.algorithm().token()
                + ",qop=auth,nc=" + d.nc().orElseThrow() + ",cnonce=\"" + d.cnonce().orElseThrow() + "\"\r\n";
    }

    private static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"?([^\",]+)\"?").matcher(header);
        assertTrue(m.find(), name + " in " + header);
        return m.group(1);
    }
}
