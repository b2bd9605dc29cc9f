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
import org.tollgate.cdr.record.CallLegRecord;

/**
 * Calls through the B2BUA with the real SIPp on both sides (issue 5 interop): SIPp UAC → tollgate →
 * SIPp UAS over {@code dial-peer voice N voip} with {@code session target ipv4:127.0.0.1:P}.
 * Every scenario must end with SIPp's exit code 0 on both sides, and the call's records are written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SippCallTest {
    private SipGatewayFixture gw;
    private Path data;
    private int trunkPort;
    private int busyPort;
    private int transferPort;
    private Path caller;

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory("sipp-gw");
        trunkPort = Sipp.freeUdpPort();
        busyPort = Sipp.freeUdpPort();
        transferPort = Sipp.freeUdpPort();
        caller = Sipp.callerFile("4085551234");
        String config = """
                hostname sipgw
                voice register global
                 source-address 127.0.0.1
                dial-peer voice 100 voip
                 destination-pattern 5551000
                 session protocol sipv2
                 session target ipv4:127.0.0.1:%1$d
                dial-peer voice 200 voip
                 destination-pattern 5552000
                 session protocol sipv2
                 session target ipv4:127.0.0.1:%2$d
                 preference 0
                dial-peer voice 201 voip
                 destination-pattern 5552000
                 session protocol sipv2
                 session target ipv4:127.0.0.1:%1$d
                 preference 1
                dial-peer voice 400 voip
                 destination-pattern 5554000
                 session protocol sipv2
                 session target ipv4:127.0.0.1:%3$d
                 dtmf-relay sip-notify rtp-nte
                ephone-dn 5
                 number 2001
                ephone 5
                 button 1:5
                dial-peer voice 300 voip
                 destination-pattern 5553000
                 session protocol sipv2
                 session target ipv4:127.0.0.1:%3$d
                end
                """.formatted(trunkPort, busyPort, transferPort);
        gw = new SipGatewayFixture(config, data);
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

    private int call(String uacScenario, String called) throws Exception {
        int rc = Sipp.uac(uacScenario, gw.target(), "-s", called, "-inf", caller.toString());
        if (rc != 0) {
            for (Sipp s : Sipp.running()) {
                s.kill();
                System.err.println("UAS: " + s.output());
            }
        }
        return rc;
    }

    private List<CallLegRecord> records(int before) throws InterruptedException {
        SipGatewayFixture.await(() -> gw.history().size() >= before + 2, "both legs of the call in the CDR history");
        List<CallLegRecord> all = gw.history();
        return all.subList(before, all.size());
    }

    @Test
    @DisplayName("Basic call SIP phone → SIP trunk (SIPp UAS), caller hangs up: both dialogs end, two CDR legs with cause 16")
    void callerHangsUp() throws Exception {
        int before = gw.history().size();
        Sipp uas = Sipp.uas("uas_answer.xml", trunkPort);
        assertEquals(0, call("uac_call.xml", "5551000"));
        assertEquals(0, uas.await());
        List<CallLegRecord> legs = records(before);
        assertTrue(legs.stream().allMatch(l -> l.connectTime().isPresent()), legs.toString());
        assertTrue(legs.stream().allMatch(l -> l.disconnectCauseHex().equals("10")), legs.toString());
        assertTrue(legs.stream().anyMatch(l -> l.peerId() == 100), legs.toString());
    }

    @Test
    @DisplayName("Callee hangs up: its BYE reaches the caller as BYE with Reason: Q.850;cause=16")
    void calleeHangsUp() throws Exception {
        Sipp uas = Sipp.uas("uas_answer_bye.xml", trunkPort);
        assertEquals(0, call("uac_call_callee_bye.xml", "5551000"));
        assertEquals(0, uas.await());
    }

    @Test
    @DisplayName("CANCEL before answer: the caller gets 200 + 487, the trunk leg is cancelled (200 + 487 + ACK)")
    void cancelBeforeAnswer() throws Exception {
        Sipp uas = Sipp.uas("uas_ring_cancel.xml", trunkPort);
        assertEquals(0, call("uac_cancel.xml", "5551000"));
        assertEquals(0, uas.await());
    }

    @Test
    @DisplayName("Busy callee (486) hunts to the next dial-peer (preference 1), which answers")
    void busyHuntsToNextPeer() throws Exception {
        int before = gw.history().size();
        Sipp busy = Sipp.uas("uas_busy.xml", busyPort);
        Sipp uas = Sipp.uas("uas_answer.xml", trunkPort);
        assertEquals(0, call("uac_call.xml", "5552000"));
        assertEquals(0, busy.await());
        assertEquals(0, uas.await());
        SipGatewayFixture.await(() -> gw.history().size() >= before + 3, "three legs: caller, busy attempt, answer");
        List<CallLegRecord> legs = gw.history().subList(before, gw.history().size());
        assertTrue(legs.stream().anyMatch(l -> l.peerId() == 200 && l.disconnectCauseHex().equals("11")), legs.toString());
        assertTrue(legs.stream().anyMatch(l -> l.peerId() == 201 && l.connectTime().isPresent()), legs.toString());
    }

    @Test
    @DisplayName("DTMF by SIP INFO from the caller reaches a callee without telephone-event as SIP INFO (Signal=5)")
    void dtmfByInfo() throws Exception {
        Sipp uas = Sipp.uas("uas_info.xml", trunkPort);
        assertEquals(0, call("uac_info_dtmf.xml", "5551000"));
        assertEquals(0, uas.await());
    }

    @Test
    @DisplayName("Blind transfer by REFER (issue 8): the trunk B answers A, REFERs A to 5553000; B gets 202, NOTIFY 100 Trying, NOTIFY 200 once C answered, then BYE; A talks to C, then hangs up")
    void blindTransferByRefer() throws Exception {
        Instant start = Instant.now();
        Sipp transferor = Sipp.uas("uas_refer_blind.xml", trunkPort);
        Sipp target = Sipp.uas("uas_answer.xml", transferPort);
        assertEquals(0, call("uac_call_transferred.xml", "5551000"));
        assertEquals(0, transferor.await());
        assertEquals(0, target.await());
        SipGatewayFixture.await(() -> gw.history().stream().anyMatch(l -> !l.setupTime().isBefore(start)
                && l.peerId() == 300 && l.disconnectTime().isPresent()), "the transferred call's leg to C in the CDR");
    }

    @Test
    @DisplayName("302 from the callee redirects the caller (FeatureService.redirect) to the Contact's number 5553000, which answers")
    void redirectBy302() throws Exception {
        Instant start = Instant.now();
        Sipp redirector = Sipp.uas("uas_redirect.xml", trunkPort);
        Sipp target = Sipp.uas("uas_answer.xml", transferPort);
        assertEquals(0, call("uac_call.xml", "5551000"));
        assertEquals(0, redirector.await());
        assertEquals(0, target.await());
        SipGatewayFixture.await(() -> gw.history().stream().anyMatch(l -> !l.setupTime().isBefore(start)
                && l.peerId() == 300 && l.connectTime().isPresent() && l.disconnectTime().isPresent()),
                "the redirected call's leg to 5553000 in the CDR");
    }

    @Test
    @DisplayName("Consult transfer by REFER with Replaces (issue 8): T calls X and, in a second call, Y; T's REFER replaces its consult dialog: X is connected to Y, T's two dialogs end")
    void consultTransferByReferWithReplaces() throws Exception {
        Instant start = Instant.now();
        String token = Long.toHexString(System.nanoTime());
        Path transferor = Files.createTempFile("sipp-transferor", ".csv");
        Files.writeString(transferor, "SEQUENTIAL\n4085551234;" + token + ";\n");
        Sipp transferee = Sipp.uas("uas_answer_bye_late.xml", trunkPort);
        Sipp target = Sipp.uas("uas_answer.xml", transferPort);
        Sipp consult = Sipp.uacAsync("uac_call_callee_bye.xml", gw.target(), "-s", "5553000", "-inf", caller.toString(),
                "-cid_str", "consult-%u-" + token + "@127.0.0.1");
        int rc = Sipp.uac("uac_refer_consult.xml", gw.target(), "-s", "5551000", "-inf", transferor.toString());
        if (rc != 0) {
            for (Sipp s : Sipp.running()) {
                s.kill();
                System.err.println("SIPp: " + s.output());
            }
        }
        assertEquals(0, rc);
        assertEquals(0, consult.await());
        assertEquals(0, transferee.await());
        assertEquals(0, target.await());
        SipGatewayFixture.await(() -> gw.history().stream().anyMatch(l -> !l.setupTime().isBefore(start)
                && l.peerId() == 300 && l.disconnectTime().isPresent()), "the target's leg in the CDR");
    }

    @Test
    @DisplayName("Re-INVITE hold/resume from the caller: sendonly answered recvonly, sendrecv answered sendrecv, by the gateway alone")
    void holdAndResumeByReInvite() throws Exception {
        Sipp uas = Sipp.uas("uas_answer.xml", trunkPort);
        assertEquals(0, call("uac_hold_resume.xml", "5551000"));
        assertEquals(0, uas.await());
    }

    @Test
    @DisplayName("Re-INVITE hold/resume from the callee: answered by the gateway on the trunk leg alone")
    void calleeHoldAndResume() throws Exception {
        Sipp uas = Sipp.uas("uas_hold_resume.xml", trunkPort);
        assertEquals(0, call("uac_call.xml", "5551000"));
        assertEquals(0, uas.await());
    }

    @Test
    @DisplayName("A registered SIP phone line as callee: ephone-dn 5 number 2001 registers its contact (the SIPp UAS); a call to 2001 reaches it")
    void callToRegisteredPhoneLine() throws Exception {
        int phonePort = Sipp.freeUdpPort();
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(5000);
            String register = "REGISTER sip:127.0.0.1:" + gw.sip.edge().server().port() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bK-reg2001\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:2001@127.0.0.1>;tag=r2001\r\nTo: <sip:2001@127.0.0.1>\r\n"
                    + "Call-ID: reg-2001@127.0.0.1\r\nCSeq: 1 REGISTER\r\n"
                    + "Contact: <sip:2001@127.0.0.1:" + phonePort + ">\r\nExpires: 300\r\nContent-Length: 0\r\n\r\n";
            byte[] b = register.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            s.send(new java.net.DatagramPacket(b, b.length, java.net.InetAddress.getLoopbackAddress(),
                    gw.sip.edge().server().port()));
            java.net.DatagramPacket in = new java.net.DatagramPacket(new byte[4096], 4096);
            s.receive(in);
            String answer = new String(in.getData(), 0, in.getLength(), java.nio.charset.StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("SIP/2.0 200"), answer);
        }
        Instant start = Instant.now();
        Sipp phone = Sipp.uas("uas_answer.xml", phonePort);
        assertEquals(0, call("uac_call.xml", "2001"));
        assertEquals(0, phone.await());
        SipGatewayFixture.await(() -> gw.history().stream().anyMatch(l -> !l.setupTime().isBefore(start)
                && l.connectTime().isPresent() && l.peerId() == 20001), "the leg to ephone-dn 5 (implicit dial-peer 20001) in the CDR");
    }

    @Test
    @DisplayName("dtmf-relay of the outgoing dial-peer decides: with sip-notify first, an INFO digit from the caller reaches the callee as Cisco NOTIFY")
    void dtmfRelayPreferenceOfTheDialPeer() throws Exception {
        Sipp uas = Sipp.uas("uas_notify_dtmf.xml", transferPort);
        assertEquals(0, call("uac_info_dtmf.xml", "5554000"));
        assertEquals(0, uas.await());
    }
}
