package org.tollgate.harness.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.harness.sip.phone.PhoneCall;
import org.tollgate.harness.sip.phone.PhoneGateway;
import org.tollgate.harness.sip.phone.SipPhone;

/**
 * Per-leg media settings of SIP phones ({@code voice register pool} {@code codec} and
 * {@code dtmf-relay}) between two in-process test phones with real RTP: G.711 transcoding in the
 * relay, and in-band DTMF towards a leg that has no usable relay method.
 */
class SipLegMediaTest {
    private static final String CONFIG = """
            hostname media
            voice register global
             source-address 127.0.0.1
            voice register dn 1
             number 1001
            voice register dn 2
             number 1002
            voice register dn 3
             number 1003
            voice register pool 1
             number 1 dn 1
            voice register pool 2
             number 1 dn 2
             codec g711alaw
            voice register pool 3
             number 1 dn 3
             dtmf-relay sip-kpml
            voice register dn 4
             number 1004
            voice register pool 4
             number 1 dn 4
             dtmf-relay rtp-nte
            end
            """;

    @TempDir
    Path data;
    private PhoneGateway gw;

    @BeforeEach
    void start() throws Exception {
        gw = PhoneGateway.of(CONFIG, data);
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    /** A calls {@code b}'s number, b answers: {caller's call, callee's call}. */
    private static PhoneCall[] connect(SipPhone a, SipPhone b) {
        PhoneCall out = a.call(b.number());
        PhoneCall in = b.awaitIncoming();
        in.answer();
        out.expectState(PhoneCall.State.CONFIRMED);
        return new PhoneCall[] {out, in};
    }

    @Test
    @DisplayName("codec g711alaw on the callee's pool: the gateway offers it PCMA only while the caller speaks PCMU; the relay transcodes and both hear each other")
    void transcodesBetweenPcmuAndPcma() throws Exception {
        SipPhone a = gw.registeredPhone("1001");
        PhoneCall[] call = connect(a, gw.registeredPhone("1002"));
        call[0].media().playTone(1000);
        call[1].media().playTone(1500);
        assertTrue(call[1].awaitHearing(1000), "B (PCMA) hears A's 1000 Hz sent as PCMU");
        assertTrue(call[0].awaitHearing(1500), "A (PCMU) hears B's 1500 Hz sent as PCMA");
        call[0].hangUp();
        call[1].expectState(PhoneCall.State.TERMINATED);
    }

    @Test
    @DisplayName("dtmf-relay sip-kpml on the callee's pool and no KPML subscription from it (its phone answers the gateway's SUBSCRIBE 405): the caller's INFO digits reach it as in-band tones")
    void inbandWhenNoRelayMethodIsUsable() throws Exception {
        SipPhone a = gw.registeredPhone("1001");
        PhoneCall[] call = connect(a, gw.registeredPhone("1003"));
        call[1].media().playTone(1500);
        assertTrue(call[0].awaitHearing(1500), "the legs are bridged (A hears B)");
        call[0].media().silence();
        call[1].media().silence();
        call[0].sendDigits("159");
        PhoneGateway.await(() -> call[1].media().digitsHeard().equals("159"),
                "B hears 159 in-band (heard: " + call[1].media().digitsHeard() + ")");
        assertEquals("159", call[1].media().digitsHeard());
        call[0].media().playTone(1000);
        assertTrue(call[1].awaitHearing(1000), "the relay resumes after the tones");
        call[0].hangUp();
        call[1].expectState(PhoneCall.State.TERMINATED);
    }

    @Test
    @DisplayName("dtmf-relay rtp-nte on the callee's pool: the caller's INFO digits reach it as RFC 4733 telephone-events although the legs relay RTP")
    void rfc4733TowardsRelayedLeg() throws Exception {
        SipPhone a = gw.registeredPhone("1001");
        PhoneCall[] call = connect(a, gw.registeredPhone("1004"));
        call[1].media().playTone(1500);
        assertTrue(call[0].awaitHearing(1500), "the legs are bridged (A hears B)");
        call[0].media().silence();
        call[0].sendDigits("42");
        PhoneGateway.await(() -> call[1].media().digitsHeard().equals("42"),
                "B gets 42 (heard: " + call[1].media().digitsHeard() + ")");
        call[0].hangUp();
        call[1].expectState(PhoneCall.State.TERMINATED);
    }
}
