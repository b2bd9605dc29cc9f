package org.tollgate.harness.sipfeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.harness.sipfeatures.SipRows.A;
import static org.tollgate.harness.sipfeatures.SipRows.B;
import static org.tollgate.harness.sipfeatures.SipRows.C;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.dsp.tone.Heard;
import org.tollgate.harness.sip.phone.PhoneCall;
import org.tollgate.harness.sip.phone.PhoneGateway;

/**
 * Spec section 6, rows "Call forward all / busy" and "Call forward no answer", and the restriction
 * under the table (a SIP NOTIFY-triggered new call in a forward asks the same caller again), with
 * SIP phones: B sets its forwards with feature codes dialled as the INVITE's number, like an analog
 * phone; the no-answer timer is advanced on the gateway's manual scheduler.
 */
class ForwardRowsTest {
    @TempDir
    Path data;

    /** B dials {@code code} en bloc: the gateway confirms with dial tone (200 OK + tone), B hangs up. */
    private static void setFromPhone(SipRows r, String code) {
        PhoneCall set = r.phone(B).call(code);
        set.expectState(PhoneCall.State.CONFIRMED);
        assertFalse(r.anyoneAsked(), "setting a forward needs no FAC");
        assertTrue(PhoneGatewayChecks.poll(() -> set.media().heard() == Heard.DIAL_TONE), "B hears dial tone: "
                + set.media().heard());
        set.hangUp();
    }

    @Test
    @DisplayName("Call forward all: B enabling CFA to C (**1 1003 # from its SIP phone) needs no FAC; A (no FAC to B) forwarded to C is asked because A->C requires it; B never rings; CFA recorded")
    void callForwardAll() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>C", "B>C")) {
            setFromPhone(r, "**1" + C + "#");
            PhoneCall out = r.phone(A).call(B);
            r.awaitAskedOn(A, out);
            assertFalse(r.phone(C).hasIncoming(), "C not offered before the FAC");
            out.sendDigits(SipRows.FAC);
            PhoneCall atC = r.phone(C).awaitIncoming();
            atC.answer();
            SipRows.assertTalking(out, atC);
            assertFalse(r.phone(B).hasIncoming(), "B does not ring with CFA");
            var f = r.awaitFeature("CFA");
            assertEquals(A, f.callingNumber());
            out.hangUp();
            atC.expectState(PhoneCall.State.TERMINATED);
            r.assertFacOnCdrs(A, C);
        }
    }

    @Test
    @DisplayName("Call forward busy: B sets CFB to C (**7 1003 #), A calls B, B's phone answers 486: A is asked for A->C and reaches C; CFBY recorded")
    void callForwardBusy() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>C")) {
            setFromPhone(r, "**7" + C + "#");
            PhoneCall out = r.phone(A).call(B);
            PhoneCall atB = r.phone(B).awaitIncoming();
            assertFalse(r.anyoneAsked(), "A->B needs no FAC");
            atB.refuse(486);
            r.awaitAskedOn(A, out);
            out.sendDigits(SipRows.FAC);
            PhoneCall atC = r.phone(C).awaitIncoming();
            atC.answer();
            out.expectState(PhoneCall.State.CONFIRMED);
            r.awaitFeature("CFBY");
            atC.hangUp();
            out.expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("Call forward no answer: A->B needs none, A->C needs FAC: B (CFNA to C by **8 1003 #) rings for the 20 s CFNA timeout (advanced, not slept), is cancelled, then A is asked and sent to C; CFNA recorded")
    void callForwardNoAnswer() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>C")) {
            setFromPhone(r, "**8" + C + "#");
            PhoneCall out = r.phone(A).call(B);
            PhoneCall atB = r.phone(B).awaitIncoming();
            assertTrue(out.awaitStatus(180));
            r.awaitCall(A, B, "Alerting");
            r.gw.advance(Duration.ofSeconds(19));
            assertEquals(PhoneCall.State.EARLY, atB.state(), "B still rings at 19 s");
            r.gw.advance(Duration.ofSeconds(1));
            atB.expectState(PhoneCall.State.TERMINATED);
            assertTrue(atB.endedByPeer(), "B's INVITE is cancelled");
            r.awaitAskedOn(A, out);
            out.sendDigits(SipRows.FAC);
            PhoneCall atC = r.phone(C).awaitIncoming();
            atC.answer();
            SipRows.assertTalking(out, atC);
            r.awaitFeature("CFNA");
            out.hangUp();
            atC.expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("Call forward by the phone's own 302 (a redirect inside the call): A entered its FAC for A->B; B answers 302 to C; A keeps its FAC and is not asked again for A->C; CFRD recorded")
    void redirectBy302KeepsFac() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>B", "A>C")) {
            PhoneCall out = r.phone(A).call(B);
            r.awaitAskedOn(A, out);
            out.sendDigits(SipRows.FAC);
            PhoneCall atB = r.phone(B).awaitIncoming();
            atB.redirect(C);
            PhoneCall atC = r.phone(C).awaitIncoming();
            assertFalse(r.anyoneAsked(), "no second FAC for the redirect inside the call");
            atC.answer();
            out.expectState(PhoneCall.State.CONFIRMED);
            r.awaitFeature("CFRD");
            out.hangUp();
            atC.expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("Restriction, SIP NOTIFY-triggered new call in call forward: A entered its FAC for A->B; ringing B forwards by REFER with Target-Dialog naming its early dialog (RFC 4538; the gateway reports by NOTIFY); the same caller A is asked again for A->C")
    void notifyTriggeredForwardAsksAgain() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>B", "A>C")) {
            PhoneCall out = r.phone(A).call(B);
            r.awaitAskedOn(A, out);
            out.sendDigits(SipRows.FAC);
            PhoneCall atB = r.phone(B).awaitIncoming();
            PhoneGateway.await(() -> !r.anyoneAsked(), "A's FAC accepted");
            assertEquals(202, atB.forwardByRefer(C));
            assertTrue(atB.awaitReferNotify("SIP/2.0 100 Trying"), "B is told the forward is under way");
            atB.expectState(PhoneCall.State.TERMINATED);
            assertTrue(atB.endedByPeer(), "B's ringing INVITE is cancelled");
            out.media().clearHeard();
            r.awaitAskedOn(A, out);
            assertFalse(r.phone(C).hasIncoming(), "C not offered before A's second FAC");
            out.sendDigits(SipRows.FAC);
            PhoneCall atC = r.phone(C).awaitIncoming();
            atC.answer();
            assertEquals("SIP/2.0 200 OK", atB.awaitFinalReferNotify(), "B is told C answered");
            SipRows.assertTalking(out, atC);
            out.hangUp();
            atC.expectState(PhoneCall.State.TERMINATED);
        }
    }
}
