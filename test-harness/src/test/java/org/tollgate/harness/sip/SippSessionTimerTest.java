package org.tollgate.harness.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.cdr.record.CallLegRecord;

/**
 * Timers of SIP dialogs with real SIPp callers and call control's timers on a {@link ManualScheduler}
 * (the test advances the gateway's clock instead of waiting 45 or 60 s): RFC 4028 session timers on
 * the incoming leg, and the refresh of the gateway's KPML subscription (RFC 6665).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SippSessionTimerTest {
    private SipGatewayFixture gw;
    /** Starts at the wall-clock time: CDR history keeps records of the last minutes of the real clock. */
    private final ManualScheduler timers = new ManualScheduler(java.time.Instant.now());
    private int trunkPort;

    @BeforeAll
    void start() throws Exception {
        trunkPort = Sipp.freeUdpPort();
        String config = """
                hostname sipgw
                voice register global
                 source-address 127.0.0.1
                voice register dn 1
                 number 4002
                voice register pool 1
                 number 1 dn 1
                 dtmf-relay sip-kpml
                dial-peer voice 100 voip
                 destination-pattern 5551000
                 session protocol sipv2
                 session target ipv4:127.0.0.1:%d
                end
                """.formatted(trunkPort);
        gw = new SipGatewayFixture(config, Files.createTempDirectory("sipp-st"), timers);
    }

    @AfterEach
    void killLeftovers() {
        Sipp.running().forEach(Sipp::kill);
    }

    @AfterAll
    void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    private String caller() throws Exception {
        return Sipp.callerFile("4085551234").toString();
    }

    /**
     * Waits until the session timer is armed: the gateway arms it right after sending its 200, so once
     * the caller has sent its ACK for that 200 (SIPp's trace) and the call is connected, a pending
     * timer is there ({@code pending() >= 1} alone could be call control's no-answer timer not yet
     * cancelled).
     */
    private void awaitArmedSession(Sipp uac) throws InterruptedException {
        SipGatewayFixture.await(() -> uac.occurrences("CSeq: 1 ACK") >= 1
                && gw.services.module().calls().activeCalls().stream()
                        .anyMatch(c -> c.state().toLowerCase(java.util.Locale.ROOT).contains("connect"))
                && timers.pending() >= 1, "a connected call with its session timer armed");
    }

    @Test
    @DisplayName("RFC 4028 section 9: Session-Expires 60 below Min-SE 90 is refused 422 with Min-SE: 90")
    void tooSmallIntervalGets422() throws Exception {
        assertEquals(0, Sipp.uac("uac_session_too_small.xml", gw.target(), "-s", "5551000", "-inf", caller()));
    }

    @Test
    @DisplayName("RFC 4028: refresher=uas: the 200 carries Session-Expires 90;refresher=uas + Require: timer, and at 45 s the gateway refreshes by re-INVITE")
    void gatewayRefreshesAtHalfInterval() throws Exception {
        Sipp uas = Sipp.uas("uas_answer.xml", trunkPort);
        Sipp uac = Sipp.uacAsync("uac_session_refresh.xml", gw.target(), "-s", "5551000", "-inf", caller());
        awaitArmedSession(uac);
        timers.advance(Duration.ofSeconds(44));
        timers.advance(Duration.ofSeconds(1)); // 45 s: the refresh is due
        assertEquals(0, uac.await(), "caller: refresh re-INVITE received, answered, call ended by BYE");
        assertEquals(0, uas.await());
    }

    @Test
    @DisplayName("RFC 4028 section 10: refresher=uac never refreshes: at 90 - 30 s the gateway sends BYE (cause 102) and releases the call")
    void expiredSessionIsReleased() throws Exception {
        java.time.Instant start = timers.now();
        Sipp uas = Sipp.uas("uas_answer.xml", trunkPort);
        Sipp uac = Sipp.uacAsync("uac_session_expiry.xml", gw.target(), "-s", "5551000", "-inf", caller());
        awaitArmedSession(uac);
        timers.advance(Duration.ofSeconds(59));
        assertTrue(uac.isAlive(), "no BYE before the expiry point");
        timers.advance(Duration.ofSeconds(1)); // 60 s = 90 - min(32, 30)
        assertEquals(0, uac.await(), "caller: BYE with Reason cause 102");
        assertEquals(0, uas.await(), "callee: BYE");
        SipGatewayFixture.await(() -> gw.history().stream().filter(l -> !l.setupTime().isBefore(start))
                .filter(l -> l.disconnectTime().isPresent()).count() >= 2, "both legs released in the CDR");
        List<CallLegRecord> legs = gw.history().stream().filter(l -> !l.setupTime().isBefore(start)).toList();
        assertTrue(legs.stream().anyMatch(l -> l.disconnectCauseHex().equals("66")), legs.toString());
    }

    @Test
    @DisplayName("KPML (dtmf-relay sip-kpml caller): the phone grants 120 s; 60 s later on the gateway's clock the subscription is refreshed by a new SUBSCRIBE")
    void kpmlSubscriptionRefreshedBeforeExpiry() throws Exception {
        Sipp uas = Sipp.uas("uas_answer.xml", trunkPort);
        Sipp uac = Sipp.uacAsync("uac_kpml_refresh.xml", gw.target(), "-s", "5551000", "-inf",
                Sipp.callerFile("4002").toString());
        SipGatewayFixture.await(() -> uac.occurrences("CSeq: 2 NOTIFY") >= 2 && timers.pending() >= 1,
                "the subscription granted (initial NOTIFY answered) and its refresh scheduled");
        timers.advance(Duration.ofSeconds(59));
        timers.advance(Duration.ofSeconds(1)); // 120 - min(60, 60) s: the refresh is due
        assertEquals(0, uac.await(), "caller: the refresh SUBSCRIBE arrived and was answered, then BYE");
        assertEquals(0, uas.await());
    }
}
