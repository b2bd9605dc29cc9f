package org.tollgate.harness.sip.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test phone against the real gateway: registration with digest, a call between two registered
 * phones with RTP both ways, hold by re-INVITE, INFO digits, BYE and CANCEL.
 */
class SipPhoneTest {
    private static final String CONFIG = """
            hostname phones
            voice register global
             source-address 127.0.0.1
            voice register dn 1
             number 1001
            voice register dn 2
             number 1002
            voice register pool 1
             number 1 dn 1
             username alice password secret1
            voice register pool 2
             number 1 dn 2
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

    @Test
    @DisplayName("REGISTER is challenged (401) and accepted with the digest of the pool's username/password; a wrong password stays 401")
    void registerWithDigest() throws Exception {
        SipPhone wrong = gw.phone("1001");
        assertEquals(401, wrong.register("alice", "nope"));
        SipPhone alice = gw.phone("1001");
        assertEquals(401, alice.register(), "no credentials: challenged");
        assertEquals(200, alice.register("alice", "secret1"));
        assertEquals(1, gw.sip().edge().registrar().registry().lookup("1001").size());
    }

    @Test
    @DisplayName("Basic call between two SIP phones: ringing, answer, RTP tones heard both ways, an INFO digit relayed, BYE ends both dialogs; two CDR legs")
    void basicCallWithMedia() throws Exception {
        SipPhone a = gw.phone("1001");
        assertEquals(200, a.register("alice", "secret1"));
        SipPhone b = gw.registeredPhone("1002");
        PhoneCall out = a.call("1002");
        PhoneCall in = b.awaitIncoming();
        assertEquals("1001", in.number());
        assertTrue(out.awaitStatus(180), "A hears ringing (180)");
        in.answer();
        out.expectState(PhoneCall.State.CONFIRMED);
        out.media().playTone(1000);
        in.media().playTone(1500);
        assertTrue(in.awaitHearing(1000), "B hears A's 1000 Hz");
        assertTrue(out.awaitHearing(1500), "A hears B's 1500 Hz");
        assertFalse(in.media().hears(1500), "B does not hear itself");
        out.sendDigits("5");
        assertTrue(SipPhone.poll(() -> in.media().digitsHeard().contains("5")
                || in.infos().stream().anyMatch(i -> i.contains("Signal=5")), SipPhone.WAIT),
                "A's INFO digit reaches B (RFC 4733 in B's RTP, or INFO)");
        out.hangUp();
        in.expectState(PhoneCall.State.TERMINATED);
        assertTrue(in.endedByPeer());
        PhoneGateway.await(() -> gw.cdrs().size() == 2, "two CDR legs");
    }

    @Test
    @DisplayName("Hold by re-INVITE (sendonly answered recvonly) and resume; the other phone is not re-INVITEd")
    void holdAndResume() throws Exception {
        SipPhone a = gw.phone("1001");
        assertEquals(200, a.register("alice", "secret1"));
        SipPhone b = gw.registeredPhone("1002");
        PhoneCall out = a.call("1002");
        PhoneCall in = b.awaitIncoming();
        in.answer();
        out.expectState(PhoneCall.State.CONFIRMED);
        out.hold();
        assertTrue(out.remoteSdp().contains("a=recvonly"), out.remoteSdp());
        out.resume();
        assertTrue(out.remoteSdp().contains("a=sendrecv"), out.remoteSdp());
        assertFalse(in.heldByPeer());
        in.hangUp();
        out.expectState(PhoneCall.State.TERMINATED);
    }

    @Test
    @DisplayName("CANCEL while the callee rings: 487 to the caller, the callee's INVITE is cancelled")
    void cancelWhileRinging() throws Exception {
        SipPhone a = gw.phone("1001");
        assertEquals(200, a.register("alice", "secret1"));
        SipPhone b = gw.registeredPhone("1002");
        PhoneCall out = a.call("1002");
        PhoneCall in = b.awaitIncoming();
        assertTrue(out.awaitStatus(180));
        out.hangUp();
        out.expectState(PhoneCall.State.TERMINATED);
        assertEquals(487, out.finalStatus());
        in.expectState(PhoneCall.State.TERMINATED);
        assertTrue(in.endedByPeer());
    }
}
