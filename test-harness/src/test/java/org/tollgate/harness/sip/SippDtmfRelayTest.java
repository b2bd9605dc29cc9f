package org.tollgate.harness.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tollgate.callcontrol.cli.TestVoicePortCommand;
import org.tollgate.cdr.record.CallLegRecord;

/**
 * DTMF relay methods of issue 5 with real SIPp peers, on the seed FAC configuration
 * ({@code examples/cme-fac.cfg}) plus two SIP phones ({@code voice register pool 1}, number 4001,
 * {@code dtmf-relay sip-notify}; {@code voice register pool 2}, number 4002, {@code dtmf-relay sip-kpml};
 * both {@code lpcor incoming LocalUser}) and a trunk ({@code dial-peer voice 500 voip}, 5555000,
 * {@code dtmf-relay sip-kpml}). A FAC call to 99329 (analog port 0/1/1, policy {@code accept LocalUser
 * fac}) succeeds only if {@code 786#} reached the FAC collector.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SippDtmfRelayTest {
    private SipGatewayFixture gw;
    private int trunkPort;

    @BeforeAll
    void start() throws Exception {
        trunkPort = Sipp.freeUdpPort();
        String seed = Files.readString(Path.of("../examples/cme-fac.cfg"));
        String phones = """
                voice register dn 1
                 number 4001
                voice register pool 1
                 number 1 dn 1
                 dtmf-relay sip-notify
                 lpcor type local
                 lpcor incoming LocalUser
                 lpcor outgoing LocalUser
                voice register dn 2
                 number 4002
                voice register pool 2
                 number 1 dn 2
                 dtmf-relay sip-kpml
                 lpcor type local
                 lpcor incoming LocalUser
                 lpcor outgoing LocalUser
                dial-peer voice 500 voip
                 destination-pattern 5555000
                 session protocol sipv2
                 session target ipv4:127.0.0.1:%d
                 dtmf-relay sip-kpml
                end
                """.formatted(trunkPort);
        int end = seed.lastIndexOf("\nend");
        gw = new SipGatewayFixture(seed.substring(0, end + 1) + phones, Files.createTempDirectory("sipp-dtmf"));
        TestVoicePortCommand.run(gw.services.module().ports(), "0/1/1", List.of("auto-answer", "1"));
    }

    /** A failed scenario may leave a SIPp peer waiting on a port the next test needs. */
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

    /** The 4-byte Cisco NOTIFY body of {@code digit}: event, end bit + volume 10, 320 ms. */
    private static byte[] notifyBody(int event) {
        return new byte[] {(byte) event, (byte) 0x8a, 0x01, 0x40};
    }

    private void assertFacCall(String scenario, String callerNumber) throws Exception {
        Instant start = Instant.now();
        int rc = Sipp.uac(scenario, gw.target(), work -> {
            Files.write(work.resolve("d7.bin"), notifyBody(7));
            Files.write(work.resolve("d8.bin"), notifyBody(8));
            Files.write(work.resolve("d6.bin"), notifyBody(6));
            Files.write(work.resolve("dpound.bin"), notifyBody(11));
        }, "-s", "99329", "-inf", Sipp.callerFile(callerNumber).toString());
        assertEquals(0, rc, "SIPp scenario " + scenario);
        SipGatewayFixture.await(() -> since(start).size() >= 2 && since(start).stream()
                .allMatch(l -> l.disconnectTime().isPresent()), "both legs of the call in the CDR history");
        List<CallLegRecord> legs = since(start);
        assertTrue(legs.stream().anyMatch(l -> l.facStatusText().equals("success")), legs.toString());
        assertTrue(legs.stream().allMatch(l -> l.connectTime().isPresent()), legs.toString());
        TestVoicePortCommand.run(gw.services.module().ports(), "0/1/1", List.of("on-hook"));
    }

    private List<CallLegRecord> since(Instant start) {
        return gw.history().stream().filter(l -> !l.setupTime().isBefore(start)).toList();
    }

    @Test
    @DisplayName("dtmf-relay sip-notify phone: the 183 offers Call-Info NOTIFY relay, 786# as Cisco NOTIFY (audio/telephone-event) passes FAC")
    void facByCiscoNotify() throws Exception {
        assertFacCall("uac_fac_notify.xml", "4001");
    }

    @Test
    @DisplayName("dtmf-relay sip-kpml phone: the gateway SUBSCRIBEs to kpml in the early dialog, 786# as KPML NOTIFYs passes FAC")
    void facByKpml() throws Exception {
        assertFacCall("uac_fac_kpml.xml", "4002");
    }

    @Test
    @DisplayName("dtmf-relay sip-kpml trunk: a 489 to the gateway's SUBSCRIBE is no KPML; the callee's own kpml subscription gets the caller's digit as a kpml-response NOTIFY, ended before BYE")
    void digitsToKpmlSubscriber() throws Exception {
        Sipp uas = Sipp.uas("uas_kpml_subscribe.xml", trunkPort);
        int rc = Sipp.uac("uac_info_dtmf_late.xml", gw.target(), "-s", "5555000", "-inf",
                Sipp.callerFile("4085551234").toString());
        assertEquals(0, rc, "caller scenario");
        assertEquals(0, uas.await(), "callee scenario");
    }

    /** A KPML FAC call from 4002 that the called analog port ends (on-hook once connected). */
    private void facCallEndedByCallee(String scenario) throws Exception {
        Sipp uac = Sipp.uacAsync(scenario, gw.target(), "-s", "99329", "-inf", Sipp.callerFile("4002").toString());
        SipGatewayFixture.await(() -> gw.services.module().calls().activeCalls().stream()
                .anyMatch(c -> c.state().toLowerCase(java.util.Locale.ROOT).contains("connect")), "the FAC call connected");
        // the gateway answers the last digit's NOTIFY (CSeq 6) right after the digit connected the call:
        // hang up only once SIPp has that 200, so the scenario's message order is fixed
        SipGatewayFixture.await(() -> uac.occurrences("CSeq: 6 NOTIFY") >= 2, "the 200 to the # NOTIFY at the phone");
        TestVoicePortCommand.run(gw.services.module().ports(), "0/1/1", List.of("on-hook"));
        assertEquals(0, uac.await(), "SIPp scenario " + scenario);
    }

    @Test
    @DisplayName("KPML: when the call ends on the gateway's side, its KPML subscription ends first (SUBSCRIBE Expires: 0, then BYE)")
    void kpmlUnsubscribedWhenTheGatewayEndsTheCall() throws Exception {
        facCallEndedByCallee("uac_fac_kpml_gw_hangup.xml");
    }

    @Test
    @DisplayName("KPML: a NOTIFY with Subscription-State terminated ends the subscription: at the call's end only the BYE follows")
    void kpmlTerminatedByThePhone() throws Exception {
        facCallEndedByCallee("uac_fac_kpml_terminated.xml");
    }
}
