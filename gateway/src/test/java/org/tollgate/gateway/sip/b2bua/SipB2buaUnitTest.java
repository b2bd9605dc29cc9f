package org.tollgate.gateway.sip.b2bua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Clock;
import java.util.Optional;
import javax.sip.address.SipURI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.dsp.rtp.RtpEngine;
import org.tollgate.dsp.sched.ManualMediaScheduler;

/** The B2BUA's pure pieces: session targets, caller identity, the pushed-audio buffer. */
class SipB2buaUnitTest {
    private static final String CONFIG = """
            hostname gw
            voice lpcor enable
            voice lpcor custom
             group 11 LocalUser
             group 12 Trunk
            dial-peer voice 1 voip
             incoming called-number 555....
             lpcor incoming Trunk
            ephone-dn 102
             number 786786
            ephone 102
             lpcor incoming LocalUser
             button 1:102
            end
            """;

    private RtpEngine rtp;
    private SipB2bua b2bua;

    @BeforeEach
    void setUp() throws Exception {
        ParseResult r = ConfigParser.parse("t.cfg", CONFIG);
        GatewayConfig config = ((ParseResult.Ok) r).config();
        rtp = new RtpEngine(RtpEngine.Settings.defaults().withBindAddress(java.net.InetAddress.getLoopbackAddress()),
                new ManualMediaScheduler(), Clock.systemUTC());
        b2bua = new SipB2bua(SipB2bua.Settings.defaults(), () -> config, rtp, url -> new short[0]);
    }

    @AfterEach
    void tearDown() {
        rtp.close();
    }

    @Test
    @DisplayName("session target ipv4:A:P becomes sip:called@A:P; without a port 5060; anything else is unusable")
    void sessionTargets() {
        SipURI u = b2bua.sessionTarget("ipv4:10.0.0.1:5070", "5551000").orElseThrow();
        assertEquals("5551000", u.getUser());
        assertEquals("10.0.0.1", u.getHost());
        assertEquals(5070, u.getPort());
        assertEquals(5060, b2bua.sessionTarget("ipv4:192.0.2.7", "1").orElseThrow().getPort());
        assertEquals(Optional.empty(), b2bua.sessionTarget("dns:gw.example", "1"));
        assertEquals(Optional.empty(), b2bua.sessionTarget("ipv4:10.0.0.1:x", "1"));
        assertEquals(Optional.empty(), b2bua.sessionTarget(null, "1"));
    }

    @Test
    @DisplayName("Every port 1..65535 of a session target is kept (QuickTheories)")
    void sessionTargetPorts() {
        qt().forAll(integers().between(1, 65_535)).checkAssert(p ->
                assertEquals(p, b2bua.sessionTarget("ipv4:127.0.0.1:" + p, "9").orElseThrow().getPort()));
    }

    @Test
    @DisplayName("Caller from an ephone-dn number takes the ephone's LPCOR group; a trunk caller the inbound voip dial-peer's")
    void callerIdentity() {
        var phone = b2bua.callerOf("786786", null, "99329");
        assertEquals("ephone 102", phone.endpoint());
        assertEquals(Optional.of("LocalUser"), phone.lpcorIncoming());
        var trunk = b2bua.callerOf("4085551234", "Carrier", "5551000");
        assertEquals("sip", trunk.endpoint());
        assertEquals(Optional.of("Trunk"), trunk.lpcorIncoming());
        assertEquals(Optional.empty(), b2bua.callerOf("4085551234", null, "99329").lpcorIncoming());
    }

    @Test
    @DisplayName("Pushed audio plays in order, silence when empty, and at most 200 ms are kept")
    void pushedAudio() {
        PushPcmSource src = new PushPcmSource();
        short[] out = new short[160];
        assertEquals(160, src.read(out, 0, 160));
        assertArrayEquals(new short[160], out, "silence when nothing was pushed");
        for (int i = 0; i < PushPcmSource.MAX_FRAMES + 5; i++) {
            short[] f = new short[160];
            java.util.Arrays.fill(f, (short) i);
            src.push(f);
        }
        src.read(out, 0, 160);
        assertEquals(5, out[0], "the oldest frames beyond the limit were dropped");
        int frames = 1;
        while (src.read(out, 0, 160) == 160 && out[0] != 0) {
            frames++;
        }
        assertTrue(frames <= PushPcmSource.MAX_FRAMES, "frames kept: " + frames);
    }
}
